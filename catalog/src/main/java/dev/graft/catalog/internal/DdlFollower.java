package dev.graft.catalog.internal;

import dev.graft.catalog.ConstraintNames;
import dev.graft.catalog.IndexView;
import dev.graft.catalog.KeyView;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.catalog.ViewDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Applies hand-written SQL to a schema view, statement by statement, as far as the parser can
 * follow it. A statement it cannot follow is passed to {@code unfollowed} and makes the view
 * inexact, never a crash.
 */
public final class DdlFollower {

    private static final int SHOWN = 40;

    private DdlFollower() { }

    /** Told of each statement the schema view cannot follow. */
    @FunctionalInterface
    public interface Unfollowed {
        /**
         * @param statement the start of the statement, on one line
         * @param reason    why it cannot be followed, for users
         * @param line      its 1-based line in the script
         * @param column    its 1-based column in the script
         */
        void accept(String statement, String reason, int line, int column);

        /** The message every warning about an unfollowed statement carries. */
        static String message(String statement, String reason) {
            return "the catalog cannot follow \"" + statement + "\" (" + reason + "): checks that depend on it are made"
                    + " against the database at verify time";
        }
    }

    public static SchemaView follow(String script, SchemaView schema, Unfollowed unfollowed) {
        SchemaView view = schema;
        for (SqlText.Located located : SqlText.located(script)) {
            String statement = located.text();
            for (Ddl ddl : PostgresParser.statement(statement)) {
                if (ddl instanceof Ddl.Unfollowed u) {
                    unfollowed.accept(head(statement), u.reason(), located.line(), located.column());
                    view = view.inexact();
                } else {
                    view = apply(ddl, view);
                }
            }
        }
        return view;
    }

    private static SchemaView apply(Ddl ddl, SchemaView view) {
        if (ddl instanceof Ddl.CreateTable c) {
            TableView table = TableView.of(c.table(), c.columns()).withPrimaryKey(c.primaryKey());
            for (List<String> key : c.uniqueKeys()) {
                table = table.withUniqueKey(new KeyView(ConstraintNames.of(c.table().name(), key, "key"), key));
            }
            return view.table(c.table()).isPresent() ? view : view.withTable(table);
        }
        if (ddl instanceof Ddl.AddColumn a) {
            return view.withTableChanged(a.table(), t -> t.hasColumn(a.column().name()) ? t : t.withColumn(a.column()));
        }
        if (ddl instanceof Ddl.DropColumn d) {
            return view.withTableChanged(d.table(), t -> t.withoutColumn(d.column()));
        }
        if (ddl instanceof Ddl.RenameColumn r) {
            return view.withTableChanged(r.table(), t -> t.withColumnRenamed(r.from(), r.to()));
        }
        if (ddl instanceof Ddl.RenameTable r) {
            return view.table(r.table()).map(t -> view.withoutTable(r.table())
                    .withTable(t.renamed(r.table().withName(r.to())))).orElse(view);
        }
        if (ddl instanceof Ddl.AlterColumnType a) {
            return view.withTableChanged(a.table(), t -> t.withColumnChanged(a.column(), c -> c.withType(a.type())));
        }
        if (ddl instanceof Ddl.AddKey k) {
            return view.withTableChanged(k.table(), t -> k.primary() ? t.withPrimaryKey(k.columns())
                    : t.withUniqueKey(new KeyView(k.name().isEmpty()
                            ? ConstraintNames.of(t.name().name(), k.columns(), "key") : k.name(), k.columns())));
        }
        if (ddl instanceof Ddl.DropTable d) {
            return view.withoutTable(d.table());
        }
        if (ddl instanceof Ddl.DropView d) {
            return view.withoutView(d.view());
        }
        if (ddl instanceof Ddl.CreateIndex i) {
            return view.withTableChanged(i.table(), t -> {
                String name = i.name().isEmpty() ? ConstraintNames.of(t.name().name(), i.columns(), "idx") : i.name();
                TableView indexed = t.withIndex(new IndexView(name, i.columns(), Optional.empty(), i.unique(),
                        Optional.empty()));
                return i.unique() ? indexed.withUniqueKey(new KeyView(name, i.columns())) : indexed;
            });
        }
        if (ddl instanceof Ddl.CreateView v) {
            return view.withView(new ViewDefinition(v.view(), List.of()));
        }
        return view;
    }

    /** The start of a statement on one line, for a warning. */
    private static String head(String statement) {
        String line = statement.replaceAll("\\s+", " ").strip();
        return line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "...";
    }
}
