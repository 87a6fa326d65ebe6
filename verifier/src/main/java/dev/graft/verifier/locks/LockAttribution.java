package dev.graft.verifier.locks;

import dev.graft.verifier.locks.MigrationLocks.HeldLock;
import dev.graft.verifier.locks.MigrationLocks.StatementLocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the sampler's samples and the workload's timings into {@link MigrationLocks}: which
 * statement of the migration took which table lock, and which waited behind which. The migration's
 * sessions are every session of the branch but the workload's. A table lock belongs to the
 * statement running when it was first seen; a workload statement seen waiting for a migration
 * session (or for a workload session that waits for one) waited its whole latency behind the
 * statement that took the migration's lock on its table, else (a row lock) behind the statement
 * running then.
 */
final class LockAttribution {

    private static final List<String> MODES = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    private final StatementLabels labels;
    private final Set<Integer> workload;
    private final Set<String> ignoredTables;
    private final Map<String, Hold> open = new LinkedHashMap<>();
    private final List<Hold> holds = new ArrayList<>();
    private final Map<Integer, List<Waiting>> waits = new HashMap<>();
    private final Map<Integer, String> current = new HashMap<>();

    /** A table lock of one migration session, seen from {@code first} to {@code last}. */
    private record Hold(String label, int pid, String table, String mode, long first, long[] last) { }

    /** A workload session seen waiting for a migration session at {@code at}. */
    private record Waiting(long at, String running, Map<String, Hold> locksByTable) { }

    LockAttribution(StatementLabels labels, Set<Integer> workload, Set<String> ignoredTables) {
        this.labels = labels;
        this.workload = Set.copyOf(workload);
        this.ignoredTables = Set.copyOf(ignoredTables);
    }

    /** Reads the samples, oldest first. */
    LockAttribution read(List<LockSample> samples) {
        for (LockSample sample : samples) {
            Map<Integer, LockSample.Session> byPid = new HashMap<>();
            sample.sessions().forEach(s -> byPid.put(s.pid(), s));
            Set<String> seen = new java.util.HashSet<>();
            for (LockSample.Session s : sample.sessions()) {
                if (workload.contains(s.pid())) {
                    continue;
                }
                String label = current.getOrDefault(s.pid(), labels.beforeAny());
                // Idle in its transaction, a session shows the statement it ran last: the one that took a new lock.
                if ("active".equals(s.state()) || "idle in transaction".equals(s.state())) {
                    label = labels.of(s.query()).orElse(label);
                }
                current.put(s.pid(), label);
                for (LockSample.TableLock lock : s.locks()) {
                    if (ignoredTables.stream().anyMatch(t -> lock.table().endsWith("." + t))) {
                        continue;
                    }
                    String key = s.pid() + " " + lock.table() + " " + lock.mode();
                    seen.add(key);
                    String holder = label;
                    open.computeIfAbsent(key, k -> new Hold(holder, s.pid(), lock.table(), lock.mode(), sample.at(),
                            new long[] {sample.at()})).last()[0] = sample.at();
                }
            }
            open.keySet().removeIf(key -> {
                if (!seen.contains(key)) {
                    holds.add(open.get(key));
                    return true;
                }
                return false;
            });
            for (LockSample.Session s : sample.sessions()) {
                if (workload.contains(s.pid())) {
                    blocker(s, byPid).ifPresent(pid -> waits.computeIfAbsent(s.pid(), p -> new ArrayList<>())
                            .add(new Waiting(sample.at(), current.getOrDefault(pid, labels.beforeAny()), strongest(pid))));
                }
            }
        }
        holds.addAll(open.values());
        open.clear();
        return this;
    }

    /** The migration session {@code s} waits for, directly or behind another workload session. */
    private Optional<Integer> blocker(LockSample.Session s, Map<Integer, LockSample.Session> byPid) {
        for (int pid : s.blockers()) {
            if (!workload.contains(pid)) {
                return Optional.of(pid);
            }
        }
        for (int pid : s.blockers()) {
            LockSample.Session other = byPid.get(pid);
            if (other != null) {
                Optional<Integer> direct = other.blockers().stream().filter(p -> !workload.contains(p)).findFirst();
                if (direct.isPresent()) {
                    return direct;
                }
            }
        }
        return Optional.empty();
    }

    /** The strongest lock session {@code pid} holds now on each table. */
    private Map<String, Hold> strongest(int pid) {
        Map<String, Hold> byTable = new HashMap<>();
        for (Hold hold : open.values()) {
            if (hold.pid() == pid) {
                byTable.merge(hold.table(), hold, (a, b) -> MODES.indexOf(a.mode()) >= MODES.indexOf(b.mode()) ? a : b);
            }
        }
        return byTable;
    }

    /** One entry per statement label, in the labels' order, from the workload's statements. */
    List<StatementLocks> statements(List<WorkloadStatement> ran) {
        Map<String, List<HeldLock>> locks = new LinkedHashMap<>();
        labels.all().forEach(l -> locks.put(l, new ArrayList<>()));
        for (Hold hold : holds) {
            Duration held = Duration.ofNanos(hold.last()[0] - hold.first() + LockSampler.EVERY_NANOS);
            List<HeldLock> of = locks.computeIfAbsent(hold.label(), l -> new ArrayList<>());
            of.removeIf(h -> h.table().equals(hold.table()) && h.mode().equals(hold.mode()) && h.held().compareTo(held) < 0);
            if (of.stream().noneMatch(h -> h.table().equals(hold.table()) && h.mode().equals(hold.mode()))) {
                of.add(new HeldLock(hold.table(), hold.mode(), held));
            }
        }
        Map<String, long[]> blocked = new HashMap<>();
        Map<String, String> lockOfLongest = new HashMap<>();
        for (WorkloadStatement statement : ran) {
            Optional<Waiting> waited = waits.getOrDefault(statement.pid(), List.of()).stream()
                    .filter(w -> w.at() >= statement.start() && w.at() <= statement.end()).findFirst();
            if (waited.isEmpty()) {
                continue;
            }
            Hold hold = waited.get().locksByTable().get(statement.table());
            String label = hold != null ? hold.label() : waited.get().running();
            String lock = hold != null ? hold.mode() + " on " + hold.table() : "row locks on " + statement.table();
            locks.computeIfAbsent(label, l -> new ArrayList<>());
            long[] tally = blocked.computeIfAbsent(label, l -> new long[3]);
            tally[0]++;
            tally[2] += statement.nanos();
            if (statement.nanos() > tally[1]) {
                tally[1] = statement.nanos();
                lockOfLongest.put(label, lock);
            }
        }
        List<StatementLocks> out = new ArrayList<>();
        locks.forEach((label, held) -> {
            long[] tally = blocked.getOrDefault(label, new long[3]);
            out.add(new StatementLocks(label, held, (int) tally[0], Duration.ofNanos(tally[1]), Duration.ofNanos(tally[2]),
                    Optional.ofNullable(lockOfLongest.get(label))));
        });
        return out;
    }
}
