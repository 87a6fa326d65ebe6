package dev.graft.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A scenario's migrations folder with hand edits, as a team member would break a generated file:
 * copied under the build folder and edited there, so a broken variant is always the committed
 * files plus exactly the edits its test names, and cannot drift from them.
 */
final class HandEdit {

    private HandEdit() {
    }

    /**
     * Copies {@code migrations} to {@code <build>/graft/edited/<scenario>/<variant>} and replaces, in
     * {@code file}, each {@code edits[i]} (found exactly once) by {@code edits[i + 1]}.
     */
    static Path of(Path migrations, String variant, String file, String... edits) {
        if (edits.length % 2 != 0) {
            throw new IllegalArgumentException("edits come in pairs: original, replacement");
        }
        Path target = Path.of(System.getProperty("graft.build.dir", "target"), "graft", "edited",
                migrations.getParent().getFileName().toString(), variant).toAbsolutePath();
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(migrations)) {
                for (Path source : files.toList()) {
                    Files.copy(source, target.resolve(source.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path edited = target.resolve(file);
            String text = Files.readString(edited, StandardCharsets.UTF_8);
            for (int i = 0; i < edits.length; i += 2) {
                int at = text.indexOf(edits[i]);
                if (at < 0 || text.indexOf(edits[i], at + 1) >= 0) {
                    throw new IllegalStateException(file + " must hold exactly once: " + edits[i]);
                }
                text = text.replace(edits[i], edits[i + 1]);
            }
            Files.writeString(edited, text, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
