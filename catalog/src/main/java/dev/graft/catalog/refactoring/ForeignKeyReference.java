package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.YamlOut;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code references: {table, columns, on_delete, on_update, match, deferrable, initially_deferred,
 * name}}; {@code column:} is accepted for one column. No columns means the referenced table's
 * primary key.
 *
 * @param location where the reference is written
 * @param table    the referenced table
 * @param columns  the referenced columns (empty: its primary key)
 * @param onDelete action on delete, {@code no_action} by default
 * @param onUpdate action on update, {@code no_action} by default
 * @param name     the constraint name; PostgreSQL's default ({@code <table>_<cols>_fkey}) if empty
 * @param match    {@code MATCH SIMPLE} (the default) or {@code MATCH FULL}
 * @param deferral when the constraint is checked
 */
public record ForeignKeyReference(Location location, TableName table, List<String> columns,
        ReferentialAction onDelete, ReferentialAction onUpdate, Optional<String> name, MatchType match,
        Deferral deferral) {

    static final List<String> ACTIONS = Arrays.stream(ReferentialAction.values()).map(ReferentialAction::yaml).toList();

    public ForeignKeyReference {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(table, "table == null");
        columns = List.copyOf(columns);
        Objects.requireNonNull(onDelete, "onDelete == null");
        Objects.requireNonNull(onUpdate, "onUpdate == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(match, "match == null");
        Objects.requireNonNull(deferral, "deferral == null");
    }

    /** A reference matched simply and checked after each statement. */
    public ForeignKeyReference(Location location, TableName table, List<String> columns,
            ReferentialAction onDelete, ReferentialAction onUpdate, Optional<String> name) {
        this(location, table, columns, onDelete, onUpdate, name, MatchType.SIMPLE, Deferral.NOT_DEFERRABLE);
    }

    /** This reference with {@code name}. */
    ForeignKeyReference named(Optional<String> constraintName) {
        return new ForeignKeyReference(location, table, columns, onDelete, onUpdate, constraintName, match, deferral);
    }

    static ForeignKeyReference read(Fields in) {
        TableName table = in.table("table");
        List<String> columns = in.optionalNames("columns");
        if (in.has("column")) {
            if (!columns.isEmpty()) {
                in.conflict("column", "columns");
            }
            columns = List.of(in.name("column"));
        }
        return new ForeignKeyReference(in.location(), table, columns,
                in.choice("on_delete", ReferentialAction::parse, ACTIONS, ReferentialAction.NO_ACTION),
                in.choice("on_update", ReferentialAction::parse, ACTIONS, ReferentialAction.NO_ACTION),
                in.optionalName("name"), in.choice("match", MatchType::parse, MatchType.SPELLINGS, MatchType.SIMPLE),
                Deferral.read(in));
    }

    /** Checks the referenced table and columns exist and form its primary key or a unique key. */
    void check(Checks c, List<String> fromColumns) {
        c.table(table, location).ifPresent(target -> {
            List<String> referenced = columns.isEmpty() ? target.primaryKey() : columns;
            if (columns.isEmpty() && target.primaryKey().isEmpty()) {
                c.keyMismatch(location, "table \"" + table + "\" has no primary key: name the referenced columns");
                return;
            }
            if (!c.columns(target, columns, location)) {
                return;
            }
            if (referenced.size() != fromColumns.size()) {
                c.keyMismatch(location, fromColumns.size() + " column(s) cannot reference " + referenced.size()
                        + " column(s) of table \"" + table + "\"");
            } else if (!c.isKey(target, referenced)) {
                c.keyMismatch(location, "columns " + Checks.quoted(referenced) + " of table \"" + table
                        + "\" are not its primary key or a unique key");
            }
        });
    }

    YamlOut write() {
        YamlOut out = YamlOut.map().put("table", table.toString()).putNames("columns", columns);
        if (onDelete != ReferentialAction.NO_ACTION) {
            out.put("on_delete", onDelete.yaml());
        }
        if (onUpdate != ReferentialAction.NO_ACTION) {
            out.put("on_update", onUpdate.yaml());
        }
        if (match != MatchType.SIMPLE) {
            out.put("match", match.yaml());
        }
        return deferral.write(out.put("name", name));
    }
}
