package dev.graft.verifier.lint;

import dev.graft.branch.Branch;
import dev.graft.branch.Seed;
import dev.graft.verifier.TestEngine;
import dev.graft.verifier.snapshot.SchemaSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

/** A root database holding {@code src/test/resources/lint/schema.sql}, and its snapshot: the schema lint tests judge against. */
record LintSchema(Branch db, SchemaSnapshot snapshot) implements AutoCloseable {

    static LintSchema create(String name) throws Exception {
        Path script = Path.of("src/test/resources/lint/schema.sql");
        Branch db = TestEngine.root(name, Seed.sql(script.toString(), Files.readString(script)));
        try (Connection c = db.connect()) {
            return new LintSchema(db, SchemaSnapshot.read(c));
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
