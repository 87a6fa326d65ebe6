package dev.graft.verifier.lint;

import dev.graft.verifier.snapshot.ObjectKind;
import dev.graft.verifier.snapshot.SchemaObject;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    private final boolean schemaKnown;
    private final Set<String> existing;
    private final Set<String> keyed;
    private final Set<String> created = new HashSet<>();

    private KnownTables(boolean schemaKnown, Set<String> existing, Set<String> keyed) {
        this.schemaKnown = schemaKnown;
        this.existing = existing;
        this.keyed = keyed;
    }

    /** Without a schema: every table the file did not create is taken to exist, none to be keyless. */
    static KnownTables unknown() {
        return new KnownTables(false, new HashSet<>(), new HashSet<>());
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
        return new KnownTables(true, tables, keyed);
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
