package dev.graft.junit;

import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchNames;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The database behind {@code @GraftDatabase(parent = "main")}: {@code main} itself, or the one
 * the Graft Maven goals loaded from {@code graft.parentSeed}, which they name after the seed's
 * content ({@code main_} and eight hex digits); the newest of those when the seed was edited.
 * Messages always say the name the test gave.
 */
record ParentDatabase(String requested, String database) {

    private static final String SEEDED_SUFFIX = "_[0-9a-f]{8}";

    static ParentDatabase resolve(BranchEngine engine, String requested) {
        if (engine.get(requested).isPresent()) {
            return new ParentDatabase(requested, requested);
        }
        Pattern seeded = Pattern.compile(Pattern.quote(BranchNames.sanitize(requested)) + SEEDED_SUFFIX);
        Optional<BranchInfo> loaded = engine.list().stream().filter(info -> seeded.matcher(info.name()).matches())
                .max(Comparator.comparing(BranchInfo::createdAt));
        return loaded.map(info -> new ParentDatabase(requested, info.name())).orElseThrow(() -> new GraftDatabaseException(
                "@GraftDatabase(parent = \"" + requested + "\"): the " + engine.kind() + " engine has no such database;"
                        + " make it first (mvn graft:branch -Dgraft.parentSeed=<dump.sql> loads it from a SQL dump)"
                        + " or name an existing database"));
    }

    BranchInfo info(BranchEngine engine) {
        return engine.get(database).orElseThrow(() -> new GraftDatabaseException("@GraftDatabase(parent = \""
                + requested + "\"): the database was dropped while the tests started")).info();
    }
}
