package dev.graft.junit;

import dev.graft.branch.BranchEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The branch pools of one test run (one JUnit root context), one per engine and template
 * settings. Each is set up once, by the first test that needs it, with the template's content
 * read and hashed then; JUnit closes this at the end of the run, which drops every branch the
 * pools still hold. It is both {@link AutoCloseable}, which JUnit 5.13 and later close, and a
 * {@code CloseableResource}, which JUnit 5.10 to 5.12 close; a JUnit that knows both closes it once.
 */
@SuppressWarnings("deprecation")
final class RunPools implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private record Key(BranchEngine engine, List<String> migrations, List<String> seeds, int poolSize) {
    }

    private final Map<Key, FutureTask<BranchPool>> pools = new ConcurrentHashMap<>();

    BranchPool pool(BranchEngine engine, DatabaseSettings settings, ClassLoader loader) {
        Key key = new Key(engine, settings.migrations(), settings.seeds(), settings.poolSize());
        FutureTask<BranchPool> task = new FutureTask<>(() -> {
            TemplateContent content = TemplateContent.read(settings, loader);
            String template = Templates.obtain(engine, content);
            return new BranchPool(engine, template, content.contentHash(), settings.poolSize());
        });
        FutureTask<BranchPool> existing = pools.putIfAbsent(key, task);
        if (existing == null) {
            existing = task;
            task.run();
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GraftDatabaseException graft) {
                throw new GraftDatabaseException(graft.getMessage(), graft);
            }
            throw new GraftDatabaseException("cannot prepare the test database: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraftDatabaseException("interrupted while preparing the test database", e);
        }
    }

    @Override
    public void close() {
        for (FutureTask<BranchPool> task : pools.values()) {
            try {
                task.get().close();
            } catch (ExecutionException e) {
                // that pool never came to be: nothing to close
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
