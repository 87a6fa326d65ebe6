package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchSpec;
import dev.graft.verifier.BranchUse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every branch a verification makes: created through here, recorded with how it was copied, and
 * deleted here, at the latest when the ledger closes, whatever happened in between. Branches get
 * a TTL as well, so even a killed JVM leaves nothing behind for long. Thread-safe.
 */
public final class BranchLedger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BranchLedger.class);
    private static final Duration TTL = Duration.ofHours(2);

    private final BranchEngine engine;
    private final String run;
    private final Map<String, Branch> open = new LinkedHashMap<>();
    private final List<BranchUse> uses = new ArrayList<>();
    private final List<String> undeleted = new ArrayList<>();
    private final AtomicInteger made = new AtomicInteger();

    public BranchLedger(BranchEngine engine, String prefix) {
        this.engine = engine;
        this.run = prefix + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    }

    /** A new branch of {@code parent} for one purpose of one migration. */
    public Branch create(String parent, String version, String purpose) {
        String name = run + "-v" + version.replace('.', '_') + "-" + purpose;
        Branch branch = engine.create(BranchSpec.of(name).parent(parent).ttl(TTL).build());
        made.incrementAndGet();
        synchronized (this) {
            open.put(branch.name(), branch);
            uses.add(new BranchUse(branch.name(), parent, "V" + version + " " + purpose, branch.copy()));
        }
        return branch;
    }

    /** Deletes a branch made here; idempotent. One that cannot be deleted now is tried again at {@link #close}. */
    public void delete(Branch branch) {
        synchronized (this) {
            open.remove(branch.name());
        }
        try {
            branch.close();
        } catch (RuntimeException e) {
            LOG.warn("could not delete branch \"{}\" yet: {}", branch.name(), e.getMessage());
            synchronized (this) {
                undeleted.add(branch.name());
            }
        }
    }

    /** The branches made so far for one version. */
    public synchronized List<BranchUse> usesOf(String version) {
        return uses.stream().filter(u -> u.purpose().startsWith("V" + version + " ")).toList();
    }

    public int made() {
        return made.get();
    }

    @Override
    public void close() {
        List<Branch> left;
        synchronized (this) {
            left = new ArrayList<>(open.values());
        }
        left.forEach(this::delete);
        List<String> retried;
        synchronized (this) {
            retried = new ArrayList<>(undeleted);
            undeleted.clear();
        }
        for (String name : retried) {
            try {
                engine.delete(name);
            } catch (RuntimeException e) {
                LOG.warn("could not delete branch \"{}\": {}; its TTL removes it", name, e.getMessage());
            }
        }
    }
}
