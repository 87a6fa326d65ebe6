package dev.graft.verifier.lint;

import dev.graft.verifier.lint.StatementFacts.AlterAction;
import dev.graft.verifier.lint.StatementFacts.Flag;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a statement leaves for the statements after it: tables created, keys and constraints added, settings made. */
final class FileEffects {

    private static final Pattern NOT_NULL_CHECK = Pattern.compile("CHECK\\s*\\(\\s*(" + SqlText.NAME
            + ")\\s+IS\\s+NOT\\s+NULL\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> KEYS = Set.of("PRIMARY KEY", "UNIQUE", "EXCLUDE", "USING INDEX");

    private FileEffects() {
    }

    static void apply(StatementFacts f, FileContext file) {
        KnownTables tables = file.tables();
        switch (f.kind()) {
            case CREATE_TABLE -> tables.created(f.object(), f.has(Flag.UNIQUE));
            case CREATE_INDEX -> {
                if (!f.object().isEmpty()) {
                    file.createdIndex(f.object());
                }
                if (f.has(Flag.UNIQUE)) {
                    tables.keyed(f.onTable());
                }
            }
            case DROP -> {
                if (!f.onTable().isEmpty()) {
                    tables.dropped(f.onTable());
                }
            }
            case SETTING -> file.set(f.object());
            case ALTER_TABLE -> {
                for (AlterAction a : f.actions()) {
                    alter(f.object(), a, file);
                }
            }
            default -> {
                // nothing later statements depend on
            }
        }
    }

    private static void alter(String table, AlterAction a, FileContext file) {
        switch (a.kind()) {
            case ADD_COLUMN -> {
                if (!a.constraint().isEmpty()) {
                    file.tables().keyed(table);
                }
            }
            case ADD_CONSTRAINT -> {
                if (KEYS.contains(a.constraint())) {
                    file.tables().keyed(table);
                }
                Matcher notNull = NOT_NULL_CHECK.matcher(a.text());
                file.addedConstraint(table, ConstraintRewrites.name(table, a), notNull.find() ? notNull.group(1) : null);
                if (notNull.find(0) && !a.notValid()) {
                    file.tables().notNullChecked(table, notNull.group(1));
                }
            }
            case VALIDATE -> file.validated(table, a.name());
            case SET_NOT_NULL -> file.tables().notNullChecked(table, a.name());
            default -> {
                // nothing later statements depend on
            }
        }
    }
}
