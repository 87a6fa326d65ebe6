package dev.graft.catalog.internal;

import dev.graft.catalog.ColumnView;
import dev.graft.catalog.Location;
import dev.graft.catalog.Migration;
import dev.graft.catalog.ProblemCode;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.Version;
import dev.graft.catalog.refactoring.Expression;
import dev.graft.catalog.refactoring.Refactoring;
import dev.graft.catalog.refactoring.SqlScript;
import dev.graft.catalog.refactoring.TableName;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checks a refactoring makes against the schema at its point of the catalog: names that
 * must or must not exist, expressions over the row, keys, and open transitions. Every check
 * reports and goes on. When the schema view is not exact (a statement it could not follow, or
 * an earlier refactoring too broken to read) missing names are left to verify time; a
 * {@code complete} whose transition was rejected where it is written (or may be in a file that
 * could not be read) is not reported a second time.
 */
public final class Checks {

    private final SchemaView schema;
    private final boolean exact;
    private final boolean everythingRead;
    private final Problems problems;
    private final TransitionLedger ledger;
    private final Migration migration;
    private final Refactoring refactoring;
    private final Map<String, Location> fields;

    public Checks(SchemaView schema, boolean exact, Problems problems, TransitionLedger ledger, Migration migration,
            Refactoring refactoring, Map<String, Location> fields) {
        this.schema = schema;
        this.exact = exact && schema.isExact();
        this.everythingRead = exact;
        this.problems = problems;
        this.ledger = ledger;
        this.migration = migration;
        this.refactoring = refactoring;
        this.fields = Map.copyOf(fields);
        if (refactoring.isTransition()) {
            ledger.written(migration.version());
        }
    }

    /** The same checks against the schema with {@code draft} added (a table being created). */
    public Checks with(TableView draft) {
        return new Checks(schema.withTable(draft), exact, problems, ledger, migration, refactoring, fields);
    }

    public SchemaView schema() {
        return schema;
    }

    /** Where the value of the refactoring's {@code key} is written. */
    public Location at(String key) {
        return fields.getOrDefault(key, refactoring.location());
    }

    public Optional<TableView> table(TableName name, Location at) {
        Optional<TableView> table = schema.table(name);
        if (table.isEmpty() && exact && valid(name)) {
            String also = schema.view(name).isPresent() ? " (\"" + name + "\" is a view)" : "";
            problems.report(at, ProblemCode.NO_SUCH_TABLE, "table \"" + name + "\" does not exist" + also
                    + Suggestions.hint(name.toString(), relationNames()));
        }
        return table;
    }

    public boolean column(TableView table, String name, Location at) {
        if (table.hasColumn(name) || !Identifiers.isValid(name)) {
            return table.hasColumn(name);
        }
        problems.report(at, ProblemCode.NO_SUCH_COLUMN, "column \"" + name + "\" does not exist on table \""
                + table.name() + "\"" + Suggestions.hint(name, table.columnNames()));
        return false;
    }

    /** Whether all exist (each missing one reported). */
    public boolean columns(TableView table, List<String> names, Location at) {
        boolean all = true;
        for (String name : names) {
            all &= column(table, name, at);
        }
        return all;
    }

    public void absentTable(TableName name, Location at) {
        if (schema.table(name).isPresent() || schema.view(name).isPresent()) {
            problems.report(at, ProblemCode.TABLE_EXISTS, (schema.table(name).isPresent() ? "table" : "view")
                    + " \"" + name + "\" already exists");
        }
    }

    public void absentColumn(TableView table, String name, Location at) {
        if (table.hasColumn(name)) {
            problems.report(at, ProblemCode.COLUMN_EXISTS,
                    "column \"" + name + "\" already exists on table \"" + table.name() + "\"");
        }
    }

    /** Every column {@code expression} names must be in {@code row}, on {@code table}. */
    public void expression(Expression expression, TableName table, Collection<String> row) {
        ExpressionFacts facts = PostgresParser.expression(expression.sql());
        for (ExpressionFacts.ColumnRef ref : facts.columns()) {
            if (ref.qualifier().isPresent() && !ref.qualifier().get().equals(table.name())) {
                problems.report(expression.location(), ProblemCode.FOREIGN_COLUMN, "expression names \""
                        + ref.qualifier().get() + "." + ref.name() + "\": only columns of table \"" + table
                        + "\" may be named");
            } else if (!row.contains(ref.name()) && exact) {
                problems.report(expression.location(), ProblemCode.NO_SUCH_COLUMN, "column \"" + ref.name()
                        + "\" does not exist on table \"" + table + "\"" + Suggestions.hint(ref.name(), row));
            }
        }
    }

    /**
     * {@code value} must be storable in a column of {@code type}; {@code row} gives the types of
     * the columns it may name (empty when it names none).
     */
    public void assignable(Expression value, String what, String type, Optional<TableView> row) {
        ExpressionFacts facts = PostgresParser.expression(value.sql());
        if (facts.rejection().isEmpty()) {
            TypeFit.mismatch(facts.shape(), type, column -> columnType(row, column))
                    .ifPresent(why -> problems.report(value.location(), ProblemCode.VALUE_TYPE,
                            "\"" + what + "\" " + why));
        }
    }

    /** {@code condition} must be boolean (check, where). */
    public void condition(Expression condition, String what, Optional<TableView> row) {
        ExpressionFacts facts = PostgresParser.expression(condition.sql());
        if (facts.rejection().isEmpty()) {
            TypeFit.notCondition(facts.shape(), column -> columnType(row, column))
                    .ifPresent(why -> problems.report(condition.location(), ProblemCode.VALUE_TYPE,
                            "\"" + what + "\" " + why));
        }
    }

    private static Optional<String> columnType(Optional<TableView> row, String column) {
        return row.flatMap(t -> t.column(column)).map(ColumnView::type);
    }

    /** {@code expression} may name no column ({@code default}, values of insert_data). */
    public void constant(Expression expression, String key) {
        for (ExpressionFacts.ColumnRef ref : PostgresParser.expression(expression.sql()).columns()) {
            problems.report(expression.location(), ProblemCode.COLUMN_NOT_ALLOWED, "\"" + key + "\" cannot name column \""
                    + ref.name() + "\": use a constant expression (a string literal is written in single quotes)");
        }
    }

    public void rowKey(TableView table, Location at, String what) {
        if (table.rowKey().isEmpty()) {
            problems.report(at, ProblemCode.NO_ROW_KEY, what + " backfills table \"" + table.name()
                    + "\", which has no primary key or unique not-null key to walk in batches");
        }
    }

    /** Whether {@code columns} are the primary key or a unique key of {@code table}. */
    public boolean isKey(TableView table, List<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        return Stream.concat(Stream.of(table.primaryKey()), table.uniqueKeys().stream().map(k -> k.columns()))
                .anyMatch(key -> !key.isEmpty() && Set.copyOf(key).equals(wanted));
    }

    /** A reshape of {@code columns} of {@code table}: rejected if one is in an open transition. */
    public void reshapes(TableName table, Collection<String> columns, Location at) {
        ledger.covering(table, columns, false).ifPresent(e -> inTransition(e, at, columns.stream()
                .filter(e.columns()::contains).findFirst().map(c -> "column \"" + c + "\" of table \"" + table + "\"")
                .orElse("table \"" + table + "\"")));
    }

    /** A reshape of the whole table (rename, drop): rejected if any of it is in an open transition. */
    public void reshapesTable(TableName table, Location at) {
        ledger.covering(table, List.of(), true).ifPresent(e -> inTransition(e, at, "table \"" + table + "\""));
    }

    private void inTransition(TransitionLedger.Entry e, Location at, String what) {
        Version v = e.transition().version();
        problems.report(at, ProblemCode.IN_TRANSITION, what + " is in the open transition of version \"" + v
                + "\" (" + e.transition().refactoring().yamlKey() + " in " + e.transition().migration().fileName()
                + "): complete it first with complete: \"" + v + "\"");
    }

    /** This refactoring opens a transition over {@code columns} of {@code table}. */
    public void opens(TableName table, Collection<String> columns) {
        ledger.open(migration.version(), migration, refactoring, Set.of(table), new LinkedHashSet<>(columns), false);
    }

    /** This refactoring opens a transition over whole tables (rename, drop). */
    public void opensTable(Collection<TableName> tables) {
        ledger.open(migration.version(), migration, refactoring, new LinkedHashSet<>(tables), Set.of(), true);
    }

    public void complete(Version version, Location at) {
        if (version.compareTo(migration.version()) >= 0) {
            problems.report(at, ProblemCode.UNORDERED, "\"complete\" names version \"" + version
                    + "\", which does not come before this migration (\"" + migration.version() + "\")");
        } else if (!ledger.hasOpen(version) && (ledger.completedBy(version).isPresent()
                || everythingRead && !ledger.wasWritten(version))) {
            String why = ledger.completedBy(version).map(by -> ": it was completed by version \"" + by + "\"")
                    .orElse(": no earlier migration with that version opens one");
            problems.report(at, ProblemCode.NO_OPEN_TRANSITION,
                    "version \"" + version + "\" has no open transition to complete" + why);
        }
    }

    /** Follows a {@code sql} refactoring's script, warning about each statement the schema view cannot follow, where it is written. */
    public void follow(SqlScript script) {
        DdlFollower.follow(script.text(), schema, (statement, reason, line, column) -> problems.report(
                script.locate(migration.source(), line, column), ProblemCode.NOT_FOLLOWED,
                DdlFollower.Unfollowed.message(statement, reason)));
    }

    public void duplicate(Location at, String name, String key) {
        problems.report(at, ProblemCode.DUPLICATE_NAME, "\"" + name + "\" is listed twice in \"" + key + "\"");
    }

    /** A refactoring of the catalog makes {@code column} of {@code table} NOT NULL without a default. */
    public void declaresRequired(TableName table, String column) {
        ledger.required(table, column);
    }

    /** Whether an insert must give {@code column} of {@code table}: declared required, no transition fills it. */
    public boolean mustInsert(TableName table, String column) {
        return ledger.isRequired(table, column) && !inTransition(table, column);
    }

    /** Whether {@code column} of {@code table} is in an open transition, so a trigger fills it. */
    private boolean inTransition(TableName table, String column) {
        return ledger.covering(table, List.of(column), false).isPresent();
    }

    /** Reports a problem with the keys of insert_data's rows. */
    public void insertKey(Location at, String message) {
        problems.report(at, ProblemCode.INSERT_KEY, message);
    }

    public void keyMismatch(Location at, String message) {
        problems.report(at, ProblemCode.KEY_MISMATCH, message);
    }

    public void cannotApply(Location at, String message) {
        problems.report(at, ProblemCode.CANNOT_APPLY, message);
    }

    public void missing(Location at, String message) {
        problems.report(at, ProblemCode.MISSING_KEY, message);
    }

    public void unknownKey(Location at, String key, String context, Collection<String> known) {
        problems.report(at, ProblemCode.UNKNOWN_KEY, "unknown key \"" + key + "\" in \"" + context + "\""
                + Suggestions.hint(key, known));
    }

    /** {@code ("a", "b")}. */
    public static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ", "(", ")"));
    }

    private boolean valid(TableName name) {
        return Identifiers.isValid(name.schema()) && Identifiers.isValid(name.name());
    }

    private List<String> relationNames() {
        return Stream.concat(schema.tables().stream().map(t -> t.name().toString()),
                schema.views().stream().map(v -> v.name().toString())).toList();
    }

    /** Reports a problem of a code no other check reports. */
    public void report(Location at, ProblemCode code, String message) {
        problems.report(at, code, message);
    }
}
