package dev.graft.catalog.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One way to damage a valid catalog file. Each takes the file's text and a seeded random
 * source and returns the damaged bytes; {@link #mustReject()} says whether every result is
 * certainly invalid (a random typo may still leave a valid catalog, invalid UTF-8 never does).
 */
enum Mutation {
    YAML_SYNTAX(false) {
        @Override
        byte[] apply(String text, Random random) {
            String noise = pick(random, List.of(":", "{", "}", "[", "]", "- ", "&", "*", "!", "|", ">", "'", "\"",
                    "#", "%", "@", "`", "\t", "\n  ", ": :", "? "));
            int at = random.nextInt(text.length() + 1);
            return utf8(text.substring(0, at) + noise + text.substring(at));
        }
    },
    WRONG_TYPE(false) {
        @Override
        byte[] apply(String text, Random random) {
            return utf8(replaceValue(text, random, pick(random, List.of("[1, 2]", "{ a: 1 }", "\"\"", "null",
                    "true", "12", "[]", "{}", "-1", "0.5", "[[x]]"))));
        }
    },
    UNKNOWN_KEY(false) {
        @Override
        byte[] apply(String text, Random random) {
            Matcher m = KEY.matcher(text);
            List<int[]> keys = new ArrayList<>();
            while (m.find()) {
                keys.add(new int[] {m.start(1), m.end(1)});
            }
            if (keys.isEmpty()) {
                return utf8(text);
            }
            int[] key = keys.get(random.nextInt(keys.size()));
            String word = text.substring(key[0], key[1]);
            String misspelt = word.length() < 2 ? word + "x" : switch (random.nextInt(3)) {
                case 0 -> word.substring(1, 2) + word.charAt(0) + word.substring(2);
                case 1 -> word.substring(0, word.length() - 1);
                default -> word + "s";
            };
            return utf8(text.substring(0, key[0]) + misspelt + text.substring(key[1]));
        }
    },
    MISSING_LINE(false) {
        @Override
        byte[] apply(String text, Random random) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(random.nextInt(lines.size()));
            return utf8(String.join("\n", lines));
        }
    },
    BAD_IDENTIFIER(false) {
        @Override
        byte[] apply(String text, Random random) {
            return utf8(replaceValue(text, random, pick(random, List.of("\"1abc\"", "\"a-b\"", "\"x\\\"; drop table t; --\"",
                    "\"" + "n".repeat(64) + "\"", "\"\"", "\"a b\"", "\"ÄÖ\"", "\"select\""))));
        }
    },
    INJECTED_STATEMENT(false) {
        @Override
        byte[] apply(String text, Random random) {
            return utf8(replaceValue(text, random, pick(random, List.of("\"1); drop table t; --\"",
                    "\"(select 1)\"", "\"id -- comment\"", "\"id /* c */\"", "\"pg_sleep(10)\"", "\"sum(id)\"",
                    "\"row_number() over ()\"", "\"generate_series(1, 3)\"", "\"nosuchfn(id)\"", "\"'x' || id\"",
                    "\"$$a$$\"", "\"id; delete from t\""))));
        }
    },
    DUPLICATE_VERSION(true) {
        @Override
        byte[] apply(String text, Random random) {
            return utf8(text);
        }
    },
    DANGLING_REFERENCE(false) {
        @Override
        byte[] apply(String text, Random random) {
            return utf8(replaceValue(text, random, pick(random, List.of("nowhere", "ghost_column", "price2",
                    "inventry", "public.nothing"))));
        }
    },
    HUGE(false) {
        @Override
        byte[] apply(String text, Random random) {
            String big = random.nextBoolean() ? "\"" + "x".repeat(50_000 + random.nextInt(250_000)) + "\""
                    : "[" + "1, ".repeat(20_000) + "1]";
            return utf8(replaceValue(text, random, big));
        }
    },
    DEEP_NESTING(true) {
        @Override
        byte[] apply(String text, Random random) {
            int depth = 100 + random.nextInt(20_000);
            String deep = switch (random.nextInt(3)) {
                case 0 -> "[".repeat(depth) + "]".repeat(depth);
                case 1 -> "{a: ".repeat(depth) + "1" + "}".repeat(depth);
                default -> "\"" + "(".repeat(depth) + "1" + ")".repeat(depth) + "\"";
            };
            return utf8(text + "\n  - update_data: { table: inventory, where: \"true\", set: { price: " + deep + " } }\n");
        }
    },
    ALIAS_BOMB(true) {
        @Override
        byte[] apply(String text, Random random) {
            StringBuilder bomb = new StringBuilder("bomb:\n  a0: &a0 [\"lol\", \"lol\", \"lol\"]\n");
            for (int i = 1; i < 10; i++) {
                bomb.append("  a").append(i).append(": &a").append(i).append(" [")
                        .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
            }
            return utf8(bomb + text);
        }
    },
    INVALID_UTF8(true) {
        @Override
        byte[] apply(String text, Random random) {
            byte[] bad = pick(random, List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3},
                    new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xFE, (byte) 0xFF},
                    new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
            return insertBytes(utf8(text), random, bad);
        }
    },
    CESU8(true) {
        @Override
        byte[] apply(String text, Random random) {
            return insertBytes(utf8(text), random, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD,
                    (byte) 0xED, (byte) 0xB8, (byte) 0x80});
        }
    },
    LONE_SURROGATE(true) {
        @Override
        byte[] apply(String text, Random random) {
            String escape = "\"\\u" + pick(random, List.of("D800", "DBFF", "DC00", "DFFF")) + "\"";
            return utf8(replaceValue(text, random, escape));
        }
    },
    NUL(true) {
        @Override
        byte[] apply(String text, Random random) {
            return random.nextBoolean() ? insertBytes(utf8(text), random, new byte[] {0})
                    : utf8(replaceValue(text, random, "\"a\\0b\""));
        }
    },
    BOM(false) {
        @Override
        byte[] apply(String text, Random random) {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            return random.nextBoolean() ? concat(bom, utf8(text)) : insertBytes(utf8(text), random, bom);
        }
    };

    private static final Pattern KEY = Pattern.compile("(?m)(?:^\\s*-?\\s*|[{,]\\s*)([a-z_]+):");
    private static final Pattern VALUE = Pattern.compile("(?m)(?<=: )([^\\s{}\\[\\],][^,}\\]\\n]*)");

    private final boolean mustReject;

    Mutation(boolean mustReject) {
        this.mustReject = mustReject;
    }

    /** Whether every result of this mutation is an invalid catalog. */
    boolean mustReject() {
        return mustReject;
    }

    abstract byte[] apply(String text, Random random);

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Replaces one scalar value written after {@code key: } with {@code replacement}. */
    private static String replaceValue(String text, Random random, String replacement) {
        Matcher m = VALUE.matcher(text);
        List<int[]> values = new ArrayList<>();
        while (m.find()) {
            values.add(new int[] {m.start(1), m.end(1)});
        }
        if (values.isEmpty()) {
            return text + "\n" + replacement;
        }
        int[] v = values.get(random.nextInt(values.size()));
        return text.substring(0, v[0]) + replacement + text.substring(v[1]);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Inserts {@code bad} at a random line start or inside a value, never splitting a UTF-8 sequence. */
    private static byte[] insertBytes(byte[] text, Random random, byte[] bad) {
        int at = random.nextInt(text.length + 1);
        while (at < text.length && (text[at] & 0xC0) == 0x80) {
            at++;
        }
        byte[] out = new byte[text.length + bad.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(text, at, out, at + bad.length, text.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
