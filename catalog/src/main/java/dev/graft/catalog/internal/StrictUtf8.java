package dev.graft.catalog.internal;

import dev.graft.catalog.Location;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether file bytes are UTF-8 as the standard defines it: no invalid or overlong sequences,
 * no encoded surrogates (CESU-8, Java's modified UTF-8). A lenient decode would silently turn
 * them into U+FFFD, so a catalog would mean something other than what its author wrote.
 */
final class StrictUtf8 {

    /**
     * Where the first byte that is not UTF-8 is, and why.
     *
     * @param location line and column of the character the bad bytes stand in for
     * @param message  lower case, for the problem report
     */
    record Invalid(Location location, String message) { }

    private StrictUtf8() { }

    static Optional<Invalid> check(byte[] bytes, String file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            return Optional.empty();
        }
        int offset = in.position();
        int line = 1;
        int column = 1;
        out.flip();
        while (out.hasRemaining()) {
            char c = out.get();
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return Optional.of(new Invalid(new Location(file, line, column), why(bytes, offset)));
    }

    private static String why(byte[] bytes, int offset) {
        int b = bytes[offset] & 0xFF;
        String at = String.format(Locale.ROOT, "the file is not valid utf-8: byte 0x%02X at offset %d", b, offset);
        if (offset == 0 && bytes.length >= 2 && ((b == 0xFF && (bytes[1] & 0xFF) == 0xFE)
                || (b == 0xFE && (bytes[1] & 0xFF) == 0xFF))) {
            return at + " starts a utf-16 byte order mark: save the file as utf-8";
        }
        if (b == 0xED && offset + 1 < bytes.length && (bytes[offset + 1] & 0xE0) == 0xA0) {
            return at + " starts an encoded surrogate (cesu-8 or modified utf-8): encode the character as"
                    + " one 4-byte utf-8 sequence";
        }
        return at + ": save the file as utf-8";
    }
}
