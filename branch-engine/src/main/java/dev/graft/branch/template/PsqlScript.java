package dev.graft.branch.template;

import dev.graft.branch.BranchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a psql script (such as {@code pg_dump} output or a published sample database) statement
 * by statement, knowing strings, quoted names, dollar quoting, comments, {@code BEGIN ATOMIC}
 * bodies and the data lines of {@code COPY ... FROM stdin} up to their {@code \.}; and makes a
 * {@link SeedScript} of it: psql meta-commands ({@code \connect}, {@code \restrict}, ...) and
 * {@linkplain ClusterStatements cluster-level statements} blanked out, the rest cut into chunks.
 */
final class PsqlScript {

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$(?:[A-Za-z_][A-Za-z0-9_]*)?\\$");
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("^COPY\\b.*\\bFROM STDIN\\b");
    private static final Pattern ROUTINE = Pattern.compile("^CREATE (OR REPLACE )?(FUNCTION|PROCEDURE)\\b");
    private static final int HEAD_LENGTH = 1000;
    private static final int SHOWN_LENGTH = 80;

    private enum State { CODE, LINE_COMMENT, BLOCK_COMMENT, STRING, ESCAPE_STRING, QUOTED_NAME, DOLLAR_QUOTED, COPY_DATA }

    private final String script;
    private final String origin;
    private final int chunkSize;
    private final char[] out;
    private final List<SeedScript.Chunk> chunks = new ArrayList<>();
    private final List<SeedScript.Skipped> skipped = new ArrayList<>();

    private State state = State.CODE;
    private int line = 1;
    private int commentDepth;
    private String dollarTag;
    private int statementStart = -1;
    private int statementLine;
    private final StringBuilder head = new StringBuilder();
    private String lastWord = "";
    private int atomicDepth;
    private boolean copyFollows;
    private int copyLine;
    private int statements;
    private int chunkStart;
    private int chunkLine = 1;

    private PsqlScript(String script, String origin, int chunkSize) {
        this.script = script;
        this.origin = origin;
        this.chunkSize = chunkSize;
        this.out = script.toCharArray();
    }

    /**
     * @param origin the script's name in messages
     * @param chunkSize about how many characters a chunk holds before it is cut at the next statement end
     */
    static SeedScript prepare(String script, String origin, int chunkSize) {
        PsqlScript reader = new PsqlScript(script, origin, chunkSize);
        reader.read();
        return new SeedScript(reader.chunks, reader.skipped, reader.statements);
    }

    private void read() {
        int i = 0;
        int n = script.length();
        while (i < n) {
            boolean lineStart = i == 0 || script.charAt(i - 1) == '\n';
            if (lineStart && state == State.COPY_DATA) {
                i = copyDataLine(i);
                continue;
            }
            if (lineStart && state == State.CODE && statementStart < 0 && script.charAt(i) == '\\') {
                i = metaCommand(i);
                continue;
            }
            i = step(i);
        }
        if (state == State.COPY_DATA) {
            throw new BranchException(origin + ":" + copyLine + ": COPY ... FROM stdin has no closing \\. line");
        }
        if (statementStart >= 0) {
            endStatement(n);
        }
        if (chunks.isEmpty() || !script.substring(chunkStart).isBlank()) {
            cut(n);
        }
    }

    /** Reads one character (or token) at {@code i}; returns where to go on. */
    private int step(int i) {
        char c = script.charAt(i);
        char next = i + 1 < script.length() ? script.charAt(i + 1) : '\0';
        if (c == '\n') {
            newLine(i);
            return i + 1;
        }
        switch (state) {
            case LINE_COMMENT -> {
                return i + 1;
            }
            case BLOCK_COMMENT -> {
                if (c == '*' && next == '/') {
                    state = --commentDepth == 0 ? State.CODE : State.BLOCK_COMMENT;
                    return i + 2;
                }
                if (c == '/' && next == '*') {
                    commentDepth++;
                    return i + 2;
                }
                return i + 1;
            }
            case STRING, ESCAPE_STRING -> {
                if (c == '\\' && state == State.ESCAPE_STRING && next != '\n') {
                    return i + 2;
                }
                return quoted(i, c, next, '\'');
            }
            case QUOTED_NAME -> {
                return quoted(i, c, next, '"');
            }
            case DOLLAR_QUOTED -> {
                if (script.startsWith(dollarTag, i)) {
                    state = State.CODE;
                    return i + dollarTag.length();
                }
                return i + 1;
            }
            default -> {
                return code(i, c, next);
            }
        }
    }

    /** Inside quotes a doubled quote character stands for itself; a single one ends the quoted text. */
    private int quoted(int i, char c, char next, char quote) {
        if (c == quote) {
            if (next == quote) {
                return i + 2;
            }
            state = State.CODE;
        }
        return i + 1;
    }

    private int code(int i, char c, char next) {
        if (c == '-' && next == '-') {
            state = State.LINE_COMMENT;
            return i + 2;
        }
        if (c == '/' && next == '*') {
            state = State.BLOCK_COMMENT;
            commentDepth = 1;
            return i + 2;
        }
        if (Character.isWhitespace(c)) {
            return i + 1;
        }
        if (c == ';' && atomicDepth == 0) {
            if (statementStart >= 0) {
                endStatement(i + 1);
            }
            return i + 1;
        }
        beginStatement(i);
        if (c == '\'') {
            boolean escape = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                    && (i < 2 || !isWordChar(script.charAt(i - 2)));
            state = escape ? State.ESCAPE_STRING : State.STRING;
            return i + 1;
        }
        if (c == '"') {
            state = State.QUOTED_NAME;
            return i + 1;
        }
        if (c == '$' && (i == 0 || !isWordChar(script.charAt(i - 1)))) {
            Matcher tag = DOLLAR_TAG.matcher(script).region(i, script.length());
            if (tag.lookingAt()) {
                state = State.DOLLAR_QUOTED;
                dollarTag = tag.group();
                return tag.end();
            }
        }
        if (isWordChar(c)) {
            int end = i;
            while (end < script.length() && isWordChar(script.charAt(end))) {
                end++;
            }
            if (head.length() < HEAD_LENGTH || atomicDepth > 0) {
                word(script.substring(i, end).toUpperCase(Locale.ROOT));
            }
            return end;
        }
        appendHead(String.valueOf(c));
        return i + 1;
    }

    /** Words outside strings make the statement's head; in a {@code BEGIN ATOMIC} body they track its depth. */
    private void word(String word) {
        appendHead(word);
        if (atomicDepth == 0 && word.equals("ATOMIC") && lastWord.equals("BEGIN") && ROUTINE.matcher(head).find()) {
            atomicDepth = 1;
        } else if (atomicDepth > 0 && (word.equals("CASE") || word.equals("BEGIN"))) {
            atomicDepth++;
        } else if (atomicDepth > 0 && word.equals("END")) {
            atomicDepth--;
        }
        lastWord = word;
    }

    private void appendHead(String token) {
        if (head.length() < HEAD_LENGTH) {
            head.append(head.length() == 0 ? "" : " ").append(token);
        }
    }

    private void beginStatement(int i) {
        if (statementStart < 0) {
            statementStart = i;
            statementLine = line;
        }
    }

    private void endStatement(int end) {
        String words = head.toString();
        ClusterStatements.whyNotRun(words).ifPresentOrElse(why -> {
            skipped.add(new SeedScript.Skipped(statementLine, shown(script.substring(statementStart, end)), why));
            blank(statementStart, end);
        }, () -> statements++);
        copyFollows = COPY_FROM_STDIN.matcher(words).find();
        copyLine = statementLine;
        statementStart = -1;
        head.setLength(0);
        lastWord = "";
        atomicDepth = 0;
    }

    private void newLine(int i) {
        line++;
        if (state == State.LINE_COMMENT) {
            state = State.CODE;
        }
        if (state == State.CODE && statementStart < 0) {
            if (copyFollows) {
                copyFollows = false;
                state = State.COPY_DATA;
            } else if (i + 1 - chunkStart >= chunkSize) {
                cut(i + 1);
            }
        }
    }

    private int copyDataLine(int i) {
        int end = lineEnd(i);
        String text = script.substring(i, end);
        if (text.equals("\\.") || text.equals("\\.\r")) {
            state = State.CODE;
        }
        if (end < script.length()) {
            newLine(end);
        }
        return end + 1;
    }

    private int metaCommand(int i) {
        int end = lineEnd(i);
        String command = script.substring(i, end).strip();
        String name = command.split("\\s", 2)[0].toLowerCase(Locale.ROOT);
        if (name.equals("\\c") || name.equals("\\connect")) {
            skipped.add(new SeedScript.Skipped(line, shown(command),
                    "a seed always runs in the database being made, never in another one"));
        }
        blank(i, end);
        if (end < script.length()) {
            newLine(end);
        }
        return end + 1;
    }

    private int lineEnd(int i) {
        int end = script.indexOf('\n', i);
        return end < 0 ? script.length() : end;
    }

    private void cut(int end) {
        chunks.add(new SeedScript.Chunk(chunkLine, new String(out, chunkStart, end - chunkStart), statements));
        chunkStart = end;
        chunkLine = line;
    }

    /** Spaces instead of the text, line breaks kept, so every later line keeps its number. */
    private void blank(int start, int end) {
        for (int k = start; k < end; k++) {
            if (out[k] != '\n' && out[k] != '\r') {
                out[k] = ' ';
            }
        }
    }

    private static String shown(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > SHOWN_LENGTH ? flat.substring(0, SHOWN_LENGTH) + "..." : flat;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
