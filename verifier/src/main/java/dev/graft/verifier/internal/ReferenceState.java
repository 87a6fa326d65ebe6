package dev.graft.verifier.internal;

import dev.graft.branch.Branch;
import dev.graft.verifier.snapshot.DataFingerprint;
import dev.graft.verifier.snapshot.DatabaseState;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import dev.graft.verifier.snapshot.TableWrites;
import dev.graft.verifier.snapshot.UserTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A branch other branches are compared with: its schema and table files, read at once, and the
 * fingerprints of its tables, read only when a comparison needs them and then kept. Only the
 * tables either side may have written are fingerprinted (see
 * {@link dev.graft.verifier.snapshot.TableWrites}); the rest hold the same rows on both sides by
 * construction. PostgreSQL copies only a database nobody is connected to, so a reference must
 * not be branched while it is compared with: make its branches first.
 */
final class ReferenceState {

    private final RunContext context;
    private final Branch branch;
    private final SchemaSnapshot schema;
    private final Map<String, UserTable> marks;
    private final Map<String, DataFingerprint.TableFingerprint> fingerprints = new HashMap<>();
    private final Set<String> fingerprinted = new TreeSet<>();

    private ReferenceState(RunContext context, Branch branch, SchemaSnapshot schema, Map<String, UserTable> marks) {
        this.context = context;
        this.branch = branch;
        this.schema = schema;
        this.marks = Map.copyOf(marks);
    }

    /** Reads the schema and the table marks of {@code branch}. */
    static ReferenceState of(RunContext context, Branch branch) {
        return context.read(branch, c -> new ReferenceState(context, branch, SchemaSnapshot.read(c),
                TableWrites.marks(c)));
    }

    Branch branch() {
        return branch;
    }

    SchemaSnapshot schema() {
        return schema;
    }

    /** The file and write count of each table, by qualified name. */
    Map<String, UserTable> marks() {
        return marks;
    }

    /** The tables a copy of this branch may have changed since it was made. */
    Set<String> writtenOn(Branch copy) {
        return context.written(copy, TableWrites.copied(marks));
    }

    /** How {@code other} differs from this state: its whole schema, and the rows of {@code tables}. */
    DatabaseState.Difference compare(Branch other, Set<String> tables) {
        Set<String> excluded = context.config().excludedTables();
        DatabaseState theirs = context.read(other, c -> new DatabaseState(SchemaSnapshot.read(c),
                DataFingerprint.read(c, excluded, tables::contains)));
        DataFingerprint ours = fingerprints(tables);
        return new DatabaseState.Difference(schema.diff(theirs.schema()), ours.differingTables(theirs.data()));
    }

    private synchronized DataFingerprint fingerprints(Set<String> tables) {
        Set<String> missing = new TreeSet<>(tables);
        missing.removeAll(fingerprinted);
        if (!missing.isEmpty()) {
            fingerprints.putAll(context.read(branch, c -> DataFingerprint.read(c, context.config().excludedTables(),
                    missing::contains)).tables());
            fingerprinted.addAll(missing);
        }
        Map<String, DataFingerprint.TableFingerprint> wanted = new TreeMap<>();
        tables.forEach(t -> {
            if (fingerprints.containsKey(t)) {
                wanted.put(t, fingerprints.get(t));
            }
        });
        return new DataFingerprint(wanted);
    }
}
