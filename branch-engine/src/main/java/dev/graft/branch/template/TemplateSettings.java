package dev.graft.branch.template;

import java.time.Duration;
import java.util.Objects;

/**
 * How a template engine behaves, shared by every engine built on it.
 *
 * @param copyStrategy how branches are copied
 * @param templateWait how long {@code create} waits for other sessions to leave the parent
 *     (PostgreSQL refuses to copy a database others are connected to) before failing
 * @param terminateBlockers end those sessions instead of failing
 * @param cleanExpiredOnStart remove expired branches and leftovers of dead processes at start
 */
public record TemplateSettings(CopyStrategy copyStrategy, Duration templateWait, boolean terminateBlockers,
                               boolean cleanExpiredOnStart) {
    public TemplateSettings {
        Objects.requireNonNull(copyStrategy, "copyStrategy == null");
        Objects.requireNonNull(templateWait, "templateWait == null");
        if (templateWait.isNegative()) {
            throw new IllegalArgumentException("templateWait is negative: " + templateWait);
        }
    }

    public static TemplateSettings defaults() {
        return new TemplateSettings(CopyStrategy.AUTO, Duration.ofSeconds(5), false, true);
    }

    public TemplateSettings withCopyStrategy(CopyStrategy strategy) {
        return new TemplateSettings(strategy, templateWait, terminateBlockers, cleanExpiredOnStart);
    }

    public TemplateSettings withTemplateWait(Duration wait) {
        return new TemplateSettings(copyStrategy, wait, terminateBlockers, cleanExpiredOnStart);
    }

    public TemplateSettings withTerminateBlockers(boolean terminate) {
        return new TemplateSettings(copyStrategy, templateWait, terminate, cleanExpiredOnStart);
    }

    public TemplateSettings withCleanExpiredOnStart(boolean clean) {
        return new TemplateSettings(copyStrategy, templateWait, terminateBlockers, clean);
    }
}
