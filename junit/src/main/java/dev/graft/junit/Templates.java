package dev.graft.junit;

import dev.graft.branch.BranchEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The templates of this JVM: each built (or found) once per engine and content, by the first
 * thread that asks while the others wait for it; a failed build is remembered, so every test
 * that needs it fails with the same message instead of building it again.
 */
final class Templates {

    private record Key(BranchEngine engine, String template) {
    }

    private static final Map<Key, FutureTask<String>> OBTAINED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> USERS = new ConcurrentHashMap<>();

    private Templates() {
    }

    static String obtain(BranchEngine engine, TemplateContent content) {
        Key key = new Key(engine, content.templateName());
        FutureTask<String> task = new FutureTask<>(() -> new TemplateBuilder(engine).obtain(content, Templates::inUse));
        FutureTask<String> existing = OBTAINED.putIfAbsent(key, task);
        if (existing == null) {
            existing = task;
            task.run();
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GraftDatabaseException graft) {
                // a fresh exception per test, so each failure's stack shows the test that hit it
                throw new GraftDatabaseException(graft.getMessage(), graft);
            }
            throw new GraftDatabaseException("cannot build template \"" + key.template() + "\": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraftDatabaseException("interrupted while waiting for template \"" + key.template() + "\"", e);
        }
    }

    /** Marks a template as in use by a pool of this JVM, so it is not dropped as superseded. */
    static void retain(String template) {
        USERS.computeIfAbsent(template, t -> new AtomicInteger()).incrementAndGet();
    }

    static void release(String template) {
        USERS.computeIfPresent(template, (t, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    static boolean inUse(String template) {
        return USERS.containsKey(template);
    }

    /** Forgets what this JVM built, as a new JVM would; for tests of reuse across runs. */
    static void forget() {
        OBTAINED.clear();
    }
}
