package dev.graft.catalog;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A migration version, parsed and ordered as Flyway does: parts separated by {@code .} (or
 * {@code _}), each a non-negative integer; leading zeros and trailing zero parts do not count,
 * so {@code 04} equals {@code 4} and {@code 1.0} equals {@code 1}.
 *
 * <pre>{@code
 * Version.parse("2026_11_24_1").compareTo(Version.parse("2026.11.24.2")) < 0; // true
 * Version.parse("1.0").equals(Version.parse("1"));                          // true
 * }</pre>
 */
public final class Version implements Comparable<Version> {

    private static final Pattern SYNTAX = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final String text;
    private final List<BigInteger> parts;

    private Version(String text, List<BigInteger> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Parses a version as written in a file name or a {@code complete:} value.
     *
     * @throws IllegalArgumentException if it is not digits separated by {@code .} or {@code _}
     */
    public static Version parse(String version) {
        Objects.requireNonNull(version, "version == null");
        String dotted = version.replace('_', '.');
        if (!SYNTAX.matcher(dotted).matches()) {
            throw new IllegalArgumentException("invalid version \"" + version
                    + "\": use digits separated by \".\" or \"_\"");
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return new Version(dotted, Collections.unmodifiableList(parts));
    }

    /** Whether {@code version} would parse. */
    public static boolean isValid(String version) {
        return version != null && SYNTAX.matcher(version.replace('_', '.')).matches();
    }

    @Override
    public int compareTo(Version other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** The version as written, with {@code _} shown as {@code .}: {@code 2026.11.24.1}. */
    @Override
    public String toString() {
        return text;
    }
}
