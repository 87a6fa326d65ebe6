package dev.graft.benchmarks.online;

import dev.graft.generator.GeneratedFile;

/** How a generated migration runs, read from what the generator wrote for it. */
final class GraftShape {

    /** One Flyway transaction around the whole migration: the SQL file alone, no script configuration. */
    static final String ONE_TRANSACTION = "one transaction";

    private GraftShape() {
    }

    /** {@link #ONE_TRANSACTION}, or how else the generator rendered migration {@code version}. */
    static String of(RuntimeMigrations migrations, String version) {
        boolean java = false;
        boolean outside = false;
        for (GeneratedFile f : migrations.files()) {
            if (!f.migration().version().toString().equals(version)) {
                continue;
            }
            java |= f.kind() == GeneratedFile.Kind.JAVA;
            outside |= f.kind() == GeneratedFile.Kind.SQL_CONFIG && f.content().contains("executeInTransaction=false");
        }
        if (java) {
            return "Java migration, commits per batch";
        }
        return outside ? "SQL outside a transaction, commits per batch" : ONE_TRANSACTION;
    }
}
