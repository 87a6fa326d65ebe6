package dev.graft.branch.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What is written to standard error (where the tests' SLF4J binding logs) while a block runs. */
public final class StandardError {

    /** A block that may throw. */
    public interface Block {
        void run() throws Exception;
    }

    private StandardError() {
    }

    public static synchronized String during(Block block) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            block.run();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }
}
