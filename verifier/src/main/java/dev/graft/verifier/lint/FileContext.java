package dev.graft.verifier.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What lint knows while it reads one file: its name, its options, whether Flyway runs it in one
 * transaction, the tables ({@link KnownTables}), and what earlier statements did: settings made,
 * constraints and indexes added, {@code CHECK (c IS NOT NULL)} constraints validated.
 */
final class FileContext {

    private final String name;
    private final LintOptions options;
    private final boolean inTransaction;
    private final KnownTables tables;
    private final Set<String> settings = new HashSet<>();
    private final Set<String> addedConstraints = new HashSet<>();
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> createdIndexes = new HashSet<>();
    private boolean timeoutsReported;

    FileContext(String name, LintOptions options, boolean inTransaction, KnownTables tables) {
        this.name = name;
        this.options = options;
        this.inTransaction = inTransaction;
        this.tables = tables;
    }

    String name() {
        return name;
    }

    LintOptions options() {
        return options;
    }

    /** Whether Flyway runs the whole file in one transaction. */
    boolean inTransaction() {
        return inTransaction;
    }

    KnownTables tables() {
        return tables;
    }

    void set(String setting) {
        settings.add(setting.toLowerCase(Locale.ROOT));
    }

    boolean isSet(String setting) {
        return settings.contains(setting);
    }

    /** True the first time only: the timeouts are reported once per file. */
    boolean firstTimeoutReport() {
        boolean first = !timeoutsReported;
        timeoutsReported = true;
        return first;
    }

    /** A constraint an earlier statement of the file added; {@code checkedColumn} when it is {@code CHECK (c IS NOT NULL)}. */
    void addedConstraint(String table, String constraint, String checkedColumn) {
        String key = constraintKey(table, constraint);
        addedConstraints.add(key);
        if (checkedColumn != null) {
            notNullChecks.put(key, checkedColumn);
        }
    }

    boolean addedHere(String table, String constraint) {
        return addedConstraints.contains(constraintKey(table, constraint));
    }

    /** A {@code VALIDATE CONSTRAINT}: a validated {@code CHECK (c IS NOT NULL)} makes {@code SET NOT NULL} cheap. */
    void validated(String table, String constraint) {
        String column = notNullChecks.get(constraintKey(table, constraint));
        if (column != null) {
            tables.notNullChecked(table, column);
        }
    }

    void createdIndex(String index) {
        createdIndexes.add(KnownTables.resolve(index));
    }

    boolean indexIsNew(String index) {
        return createdIndexes.contains(KnownTables.resolve(index));
    }

    private static String constraintKey(String table, String constraint) {
        return KnownTables.resolve(table) + "." + KnownTables.fold(constraint);
    }
}
