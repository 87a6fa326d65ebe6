package dev.graft.generator.reliability;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link ClientCrashTest}: applies the generated migrations with stock
 * Flyway, printing {@code MIGRATING} before and {@code MIGRATED} after, until it is killed.
 * Arguments: JDBC URL, user, password, migrations folder.
 */
public final class MigratingChild {

    private MigratingChild() {
    }

    public static void main(String[] args) {
        var flyway = CrashCatalog.flyway(args[0], args[1], args[2], Path.of(args[3]), "latest");
        System.out.println("MIGRATING");
        System.out.flush();
        flyway.migrate();
        System.out.println("MIGRATED");
        System.out.flush();
    }
}
