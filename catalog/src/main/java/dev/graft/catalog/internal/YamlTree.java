package dev.graft.catalog.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML into {@link Node}s that keep the file, line and column of every key and value,
 * straight from the parser's token locations. Scalars keep their text as written.
 *
 * <p>What YAML allows but a catalog cannot hold is reported where it is written: an alias
 * ({@code *name}, which the streaming parser would read as the plain text {@code name}) and an
 * anchor ({@code &name}, which would only serve aliases, or hide a typo such as
 * {@code on_delete: &SET NULL}), text
 * with a lone surrogate (an escape of half a surrogate pair, which no file can encode) or NUL, and maps or lists nested
 * deeper than {@value #MAX_DEPTH} levels.
 */
public final class YamlTree {

    /** Deeper nesting than any catalog needs; bounds the reader's recursion. */
    static final int MAX_DEPTH = 64;

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** Java's regex reads a string by code points, so only unpaired surrogates match. */
    private static final java.util.regex.Pattern LONE_SURROGATE =
            java.util.regex.Pattern.compile("[\\x{D800}-\\x{DFFF}]");

    private final String file;
    private final Problems problems;
    private String source = "";

    public YamlTree(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root node; empty (with a problem reported) if it is not valid YAML. */
    public Optional<Node> read(String text) {
        int control = unprintable(text);
        if (control >= 0) {
            problems.report(at(text, control), ProblemCode.UNREADABLE, String.format(java.util.Locale.ROOT,
                    "invalid yaml: the control character U+%04X is not allowed in yaml: remove it",
                    (int) text.charAt(control)));
            return Optional.empty();
        }
        source = text;
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.of(new Node.ScalarNode("", Node.ScalarKind.NULL, Location.of(file)));
            }
            Node root = node(parser, 1);
            if (parser.nextToken() != null) {
                problems.report(location(parser.currentTokenLocation()), ProblemCode.UNREADABLE,
                        "a catalog file holds one yaml document");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location where = at == null ? Location.of(file) : location(at);
            problems.report(where, ProblemCode.UNREADABLE, "invalid yaml: " + firstLine(e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            problems.report(Location.of(file), ProblemCode.UNREADABLE, "invalid yaml: "
                    + firstLine(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    private Node node(JsonParser parser, int depth) throws IOException {
        Location at = location(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.report(at, ProblemCode.UNSUPPORTED_YAML, "yaml aliases (*" + printable(parser.getText())
                    + ") are not supported in a catalog: write the value itself");
            return new Node.ScalarNode("", Node.ScalarKind.NULL, at);
        }
        Optional<String> anchor = anchor(parser);
        if (anchor.isPresent()) {
            problems.report(at, ProblemCode.UNSUPPORTED_YAML, "yaml anchors (&" + printable(anchor.get())
                    + ") are not supported in a catalog, as aliases are not: remove it (quote a value that starts"
                    + " with &)");
        }
        if (depth > MAX_DEPTH && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            problems.report(at, ProblemCode.UNSUPPORTED_YAML, "yaml nested deeper than " + MAX_DEPTH
                    + " levels: a catalog never needs that");
            parser.skipChildren();
            return new Node.ScalarNode("", Node.ScalarKind.NULL, at);
        }
        switch (token) {
            case START_OBJECT: {
                List<Node.Entry> entries = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = location(parser.currentTokenLocation());
                    key = encodable(key, keyAt);
                    parser.nextToken();
                    Node value = node(parser, depth + 1);
                    if (seen.add(key)) {
                        entries.add(new Node.Entry(key, keyAt, value));
                    } else {
                        problems.report(keyAt, ProblemCode.DUPLICATE_KEY, "key \"" + key + "\" is written twice");
                    }
                }
                return new Node.MapNode(entries, at);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, depth + 1));
                }
                return new Node.ListNode(items, at);
            }
            case VALUE_STRING:
                return new Node.ScalarNode(encodable(parser.getText(), at), Node.ScalarKind.STRING, at);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.ScalarNode(parser.getText(), Node.ScalarKind.NUMBER, at);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.ScalarNode(parser.getText(), Node.ScalarKind.BOOLEAN, at);
            case VALUE_NULL:
                return new Node.ScalarNode("", Node.ScalarKind.NULL, at);
            default:
                return new Node.ScalarNode(encodable(parser.getText(), at), Node.ScalarKind.STRING, at);
        }
    }

    /** {@code text}, or (reported) with each lone surrogate and NUL made {@code ?}: no file or database holds one. */
    private String encodable(String text, Location at) {
        if (text.indexOf('\0') >= 0) {
            problems.report(at, ProblemCode.ENCODING, "the text holds the character U+0000, which postgresql text"
                    + " cannot hold");
            text = text.replace('\0', '?');
        }
        int lone = loneSurrogate(text);
        if (lone < 0) {
            return text;
        }
        problems.report(at, ProblemCode.ENCODING, String.format(java.util.Locale.ROOT,
                "the text holds a lone surrogate (\\u%04X): it is not a character and cannot be written as utf-8",
                (int) text.charAt(lone)));
        return LONE_SURROGATE.matcher(text).replaceAll("?");
    }

    /** The index of the first character YAML does not allow in a stream (C0 controls but tab and newlines), or -1. */
    static int unprintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xFFFE || c == 0xFFFF) {
                return i;
            }
        }
        return -1;
    }

    /** The line and column of character {@code index} of {@code text}. */
    private Location at(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, text.codePointCount(lineStart, index) + 1);
    }

    /** The index of the first surrogate not part of a pair, or -1. */
    static int loneSurrogate(String text) {
        java.util.regex.Matcher m = LONE_SURROGATE.matcher(text);
        return m.find() ? m.start() : -1;
    }

    /**
     * The anchor on the current token. The parser reports it for maps and lists only; a scalar's
     * anchor is where the scalar's token starts, as a scalar itself cannot start with {@code &}.
     */
    private Optional<String> anchor(JsonParser parser) {
        if (parser instanceof YAMLParser yaml && yaml.getCurrentAnchor() != null) {
            return Optional.of(yaml.getCurrentAnchor());
        }
        long codePoints = parser.currentTokenLocation().getCharOffset();
        if (!parser.currentToken().isScalarValue() || codePoints < 0
                || codePoints >= source.codePointCount(0, source.length())) {
            return Optional.empty();
        }
        int at = source.offsetByCodePoints(0, (int) codePoints);
        if (source.charAt(at) != '&') {
            return Optional.empty();
        }
        int end = at + 1;
        while (end < source.length() && !Character.isWhitespace(source.charAt(end))) {
            end++;
        }
        return Optional.of(source.substring(at + 1, end));
    }

    /** An alias name as it may be shown: at most 40 characters. */
    private static String printable(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }

    private Location location(JsonLocation at) {
        return new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).toLowerCase(java.util.Locale.ROOT);
    }
}
