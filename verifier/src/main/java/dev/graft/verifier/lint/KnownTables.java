package dev.graft.verifier.lint;

import dev.graft.catalog.CheckView;
import dev.graft.catalog.ColumnView;
import dev.graft.catalog.IndexView;
import dev.graft.catalog.SchemaView;
import dev.graft.catalog.TableView;
import dev.graft.verifier.snapshot.ObjectKind;
import dev.graft.verifier.snapshot.SchemaObject;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables lint knows while it reads one file: those of the schema before the migration, when
 * it is known, and those the file has created, dropped or given a key so far. Names resolve as
 * PostgreSQL resolves them with the default search path: unquoted parts fold to lower case,
 * quoted parts keep theirs, and an unqualified name is in {@code public}.
 */
final class KnownTables {

    /** What lint knows about a table's unique keys. */
    enum Keys {
        /** A primary key, unique constraint, unique index or exclusion constraint: {@code ON CONFLICT} applies. */
        KEYED,
        /** The table is known and has none. */
        KEYLESS,
        /** No schema was given, or the table is neither in it nor created by the file. */
        UNKNOWN
    }

    private static final Pattern UNIQUE_INDEX = Pattern.compile(
            "\\ACREATE UNIQUE INDEX (?:\"(?:[^\"]|\"\")*\"|\\S+) ON (?:ONLY )?(.+?) USING ");
    private static final Pattern KEY_CONSTRAINT = Pattern.compile("\\A(PRIMARY KEY|UNIQUE|EXCLUDE)\\b");
    private static final Pattern NOT_NULL_CHECK = Pattern.compile(
            "\\A(?:CHECK\\s*)?\\(*\\s*(\"(?:[^\"]|\"\")*\"|\\w+)\\s+IS\\s+NOT\\s+NULL\\s*\\)*\\z", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE_END = Pattern.compile(" (?:not null|default |identity |generated|collate |comment ).*\\z");

    private final boolean schemaKnown;
    private final Set<String> existing;
    private final Set<String> keyed;
    private final Set<String> created = new HashSet<>();
    private final Map<String, String> columnTypes = new HashMap<>();
    private final Set<String> notNullChecked = new HashSet<>();

    private KnownTables(boolean schemaKnown, Set<String> existing, Set<String> keyed) {
        this.schemaKnown = schemaKnown;
        this.existing = existing;
        this.keyed = keyed;
    }

    /** Without a schema: every table the file did not create is taken to exist, none to be keyless. */
    static KnownTables unknown() {
        return new KnownTables(false, new HashSet<>(), new HashSet<>());
    }

    /** The tables of the catalog's schema view before a migration: columns, keys and checks as the catalog follows them. */
    static KnownTables before(SchemaView before) {
        KnownTables known = new KnownTables(true, new HashSet<>(), new HashSet<>());
        for (TableView table : before.tables()) {
            String name = table.name().schema() + "." + table.name().name();
            known.existing.add(name);
            if (!table.primaryKey().isEmpty() || !table.uniqueKeys().isEmpty()
                    || table.indexes().stream().anyMatch(IndexView::unique)) {
                known.keyed.add(name);
            }
            for (ColumnView column : table.columns()) {
                known.columnTypes.put(name + "." + column.name(), column.type().toLowerCase(Locale.ROOT));
                if (!column.nullable()) {
                    known.notNullChecked.add(name + "." + column.name());
                }
            }
            for (CheckView check : table.checks()) {
                Matcher m = NOT_NULL_CHECK.matcher(check.expression().strip());
                if (m.find()) {
                    known.notNullChecked.add(name + "." + fold(m.group(1)));
                }
            }
        }
        return known;
    }

    /**
     * The tables of {@code at}, a point inside a migration: those that {@code start} (the schema
     * before the migration) lacks were created earlier in the same migration, so they are new.
     */
    static KnownTables inside(SchemaView start, SchemaView at) {
        KnownTables known = before(at);
        for (TableView table : at.tables()) {
            if (start.table(table.name()).isEmpty()) {
                String name = table.name().schema() + "." + table.name().name();
                known.existing.remove(name);
                known.created.add(name);
            }
        }
        return known;
    }

    /** The tables of {@code before}, and which of them have a unique key. */
    static KnownTables before(SchemaSnapshot before) {
        Set<String> tables = new HashSet<>();
        before.ofKind(ObjectKind.TABLE).forEach(t -> tables.add(t.name()));
        Set<String> keyed = new HashSet<>();
        for (SchemaObject index : before.ofKind(ObjectKind.INDEX)) {
            Matcher m = UNIQUE_INDEX.matcher(index.definition());
            if (m.find()) {
                keyed.add(resolve(m.group(1)));
            }
        }
        for (SchemaObject constraint : before.ofKind(ObjectKind.CONSTRAINT)) {
            // snapshot names are as stored (unquoted): schema.table.constraint
            if (KEY_CONSTRAINT.matcher(constraint.definition()).find() && constraint.name().contains(".")) {
                keyed.add(constraint.name().substring(0, constraint.name().lastIndexOf('.')));
            }
        }
        KnownTables known = new KnownTables(true, tables, keyed);
        for (SchemaObject column : before.ofKind(ObjectKind.COLUMN)) {
            // snapshot names are as stored (unquoted): schema.table.column
            String definition = column.definition();
            known.columnTypes.put(column.name(), TYPE_END.matcher(definition).replaceFirst("").strip());
            if (definition.contains(" not null")) {
                known.notNullChecked.add(column.name());
            }
        }
        for (SchemaObject constraint : before.ofKind(ObjectKind.CONSTRAINT)) {
            Matcher m = NOT_NULL_CHECK.matcher(constraint.definition().strip());
            if (m.find() && constraint.name().contains(".")) {
                known.notNullChecked.add(constraint.name().substring(0, constraint.name().lastIndexOf('.')) + "."
                        + fold(m.group(1)));
            }
        }
        return known;
    }

    /** The column's type as the schema knows it ({@code character varying(20)}), when it does. */
    Optional<String> columnType(String table, String column) {
        return Optional.ofNullable(columnTypes.get(resolve(table) + "." + fold(column)));
    }

    /** Whether the column is NOT NULL, or has a validated {@code CHECK (column IS NOT NULL)}. */
    boolean isNotNullChecked(String table, String column) {
        return notNullChecked.contains(resolve(table) + "." + fold(column));
    }

    /** The file validated a {@code CHECK (column IS NOT NULL)}. */
    void notNullChecked(String table, String column) {
        notNullChecked.add(resolve(table) + "." + fold(column));
    }

    /** Whether the schema is known: without it every table the file did not create is taken to exist. */
    boolean schemaKnown() {
        return schemaKnown;
    }

    /** One identifier as PostgreSQL stores it: {@code "Log"} keeps its case, {@code Log} folds to {@code log}. */
    static String fold(String identifier) {
        String name = identifier.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        StringBuilder out = new StringBuilder(name.length());
        name.chars().forEach(c -> out.append(fold((char) c)));
        return out.toString();
    }

    /** {@code CREATE TABLE} in the file, declaring a key or not. */
    void created(String table, boolean withKey) {
        created.add(resolve(table));
        if (withKey) {
            keyed(table);
        }
    }

    /** A primary key, unique constraint or unique index the file adds. */
    void keyed(String table) {
        keyed.add(resolve(table));
    }

    /** {@code DROP TABLE} in the file: a table created again after it is new. */
    void dropped(String table) {
        String name = resolve(table);
        existing.remove(name);
        keyed.remove(name);
        created.remove(name);
    }

    /**
     * Created by this file and not there before it: locks on it hurt no one. A table neither in the
     * schema nor created by the file is taken to exist, as without a schema: it may be on a search
     * path beyond {@code public}, or created where lint cannot see (a {@code DO} block).
     */
    boolean isNew(String table) {
        String name = resolve(table);
        return created.contains(name) && !existing.contains(name);
    }

    /** Whether {@code INSERT ... ON CONFLICT} can make an insert into the table idempotent. */
    Keys keys(String table) {
        String name = resolve(table);
        if (keyed.contains(name)) {
            return Keys.KEYED;
        }
        return schemaKnown && (existing.contains(name) || created.contains(name)) ? Keys.KEYLESS : Keys.UNKNOWN;
    }

    /** {@code Sales."Log"} to {@code sales.Log}; {@code t} to {@code public.t}; a database part is dropped. */
    static String resolve(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inQuotes = false;
        String text = name.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && inQuotes && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                part.append('"');
                i++;
            } else if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == '.' && !inQuotes) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(inQuotes ? c : fold(c));
            }
        }
        parts.add(part.toString());
        return parts.size() == 1 ? "public." + parts.get(0)
                : parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1);
    }

    /** PostgreSQL folds only ASCII letters of unquoted identifiers. */
    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
