package dev.graft.generator;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Generator#generate} did.
 *
 * @param written files that were missing and are now written
 * @param skipped files that already existed and were left alone (see {@link Generator#check})
 */
public record GenerationResult(List<Path> written, List<Path> skipped) {

    public GenerationResult {
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
    }
}
