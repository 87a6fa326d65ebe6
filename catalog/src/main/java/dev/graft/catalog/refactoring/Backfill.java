package dev.graft.catalog.refactoring;

import dev.graft.catalog.internal.YamlOut;
import java.util.Optional;

/**
 * {@code backfill: {batch_size: N}}: backfill existing rows in batches of {@code N}, each in its
 * own transaction (a resumable Java migration), for tables too large for one transaction.
 *
 * @param batchSize rows per batch, positive
 */
public record Backfill(int batchSize) {

    public Backfill {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
    }

    static YamlOut write(YamlOut out, Optional<Backfill> backfill) {
        backfill.ifPresent(b -> out.put("backfill", YamlOut.map().put("batch_size", b.batchSize())));
        return out;
    }
}
