package dev.graft.maven;

import dev.graft.generator.Drift;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to run about a drifted file, beyond the generator's own words: the regenerate option for a
 * changed catalog file.
 */
final class DriftAdvice {

    private static final Pattern VERSION = Pattern.compile("^V([0-9]+(?:[._][0-9]+)*)__");

    private DriftAdvice() {
    }

    /** The advice for {@code drift}: present for a catalog file changed after generation. */
    static Optional<String> of(Drift drift) {
        if (drift.kind() != Drift.Kind.CATALOG_CHANGED) {
            return Optional.empty();
        }
        Matcher version = VERSION.matcher(drift.path().getFileName().toString());
        return version.find() ? Optional.of(Regeneration.advice(version.group(1).replace('_', '.')))
                : Optional.empty();
    }

    /** The drift's line with its advice, if any. */
    static String line(Drift drift) {
        return drift + of(drift).map(a -> "\n  " + a).orElse("");
    }
}
