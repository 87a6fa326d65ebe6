package dev.graft.verifier.shapes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Values to write into a column of a given PostgreSQL type, as the text a {@code CAST} reads: the
 * edge cases first (NULL, the empty string, unicode, the maximum length, extreme numbers), then
 * values drawn from jqwik arbitraries.
 * {@link Optional#empty()} stands for NULL.
 */
final class SampleValues {

    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    /** jqwik's generation size: how far from the simplest values its generators reach. */
    private static final int GENERATION_SIZE = 1000;
    /** A jqwik session is global to the JVM: one draw at a time. */
    private static final Object SESSION = new Object();

    private SampleValues() {
    }

    /** The edge cases alone: the first values {@link #of} returns for the column, none drawn. */
    static List<Optional<String>> edgeCases(TableFacts.Column column) {
        return of(column, 0, new Random(0));
    }

    static List<Optional<String>> of(TableFacts.Column column, int generated, Random random) {
        String type = column.type();
        List<Optional<String>> values = new ArrayList<>();
        values.add(Optional.empty());
        Arbitrary<String> arbitrary;
        if (type.startsWith("character") || type.equals("text") || type.startsWith("varchar")) {
            int max = column.maxLength().orElse(64);
            values.add(Optional.of(""));
            values.add(Optional.of(fit("Grüße, 日本 😀", max)));
            values.add(Optional.of(fit("it's \"quoted\"", max)));
            values.add(Optional.of("x".repeat(max)));
            values.add(Optional.of("é".repeat(max)));
            arbitrary = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                    .withChars(' ', '-', '_', '\'', '"', '%').withCharRange('\u00c0', '\u024f')
                    .withCharRange('\u4e00', '\u4e3f').ofMinLength(0).ofMaxLength(max);
        } else if (type.equals("smallint")) {
            values.addAll(texts(0, -1, Short.MIN_VALUE, Short.MAX_VALUE));
            arbitrary = Arbitraries.shorts().map(String::valueOf);
        } else if (type.equals("integer")) {
            values.addAll(texts(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE));
            arbitrary = Arbitraries.integers().map(String::valueOf);
        } else if (type.equals("bigint")) {
            values.addAll(texts(0, -1, Long.MIN_VALUE, Long.MAX_VALUE));
            arbitrary = Arbitraries.longs().map(String::valueOf);
        } else if (type.startsWith("numeric")) {
            Matcher m = NUMERIC.matcher(type);
            int precision = m.matches() ? Integer.parseInt(m.group(1)) : 12;
            int scale = m.matches() ? Integer.parseInt(m.group(2)) : 4;
            BigDecimal max = new BigDecimal(BigInteger.TEN.pow(precision).subtract(BigInteger.ONE), scale);
            values.addAll(texts(0, max, max.negate()));
            arbitrary = Arbitraries.bigDecimals().between(max.negate(), max).ofScale(scale).map(BigDecimal::toPlainString);
        } else if (type.equals("boolean")) {
            values.addAll(texts(true, false));
            arbitrary = Arbitraries.of("true", "false");
        } else if (type.equals("date")) {
            values.addAll(texts("1970-01-01", "2000-02-29", "9999-12-31"));
            arbitrary = Arbitraries.longs().between(-200_000, 2_900_000).map(d -> LocalDate.ofEpochDay(d).toString());
        } else if (type.startsWith("timestamp without")) {
            values.addAll(texts("1970-01-01 00:00:00", "2000-02-29 23:59:59.999999"));
            arbitrary = Arbitraries.longs().between(0, 4_000_000_000L)
                    .map(s -> LocalDateTime.ofEpochSecond(s, 0, java.time.ZoneOffset.UTC).toString().replace('T', ' '));
        } else if (type.equals("uuid")) {
            values.addAll(texts("00000000-0000-0000-0000-000000000000"));
            arbitrary = Arbitraries.create(() -> new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        } else {
            return values;
        }
        values.addAll(draw(arbitrary, generated, random));
        return values;
    }

    /**
     * Draws {@code n} values from {@code arbitrary}'s generator with {@code random}: the same seed
     * draws the same values. jqwik's generators run inside its lifecycle; a {@link JqwikSession}
     * is its supported way to use them outside a property.
     */
    private static List<Optional<String>> draw(Arbitrary<String> arbitrary, int n, Random random) {
        List<Optional<String>> drawn = new ArrayList<>();
        if (n == 0) {
            return drawn;
        }
        synchronized (SESSION) {
            Runnable body = () -> {
                RandomGenerator<String> generator = arbitrary.generator(GENERATION_SIZE);
                for (int i = 0; i < n; i++) {
                    drawn.add(Optional.of(generator.next(random).value()));
                }
            };
            if (JqwikSession.isActive()) {
                body.run();
            } else {
                JqwikSession.run(body::run);
            }
        }
        return drawn;
    }

    /** {@code text} cut to {@code max} characters as PostgreSQL counts them (code points). */
    private static String fit(String text, int max) {
        int points = text.codePointCount(0, text.length());
        return points <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    private static List<Optional<String>> texts(Object... values) {
        List<Optional<String>> texts = new ArrayList<>();
        for (Object value : values) {
            texts.add(Optional.of(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value)));
        }
        return texts;
    }
}
