package dev.graft.catalog.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the closest known spelling, first ignoring case, then by edit distance. */
public final class Suggestions {

    private Suggestions() { }

    /** The candidate {@code word} most likely stands for, if one is close enough. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(word)) {
                return Optional.of(candidate);
            }
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code "; did you mean \"x\"?"} or nothing. */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "; did you mean \"" + c + "\"?").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
