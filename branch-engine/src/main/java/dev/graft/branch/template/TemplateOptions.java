package dev.graft.branch.template;

import java.time.Duration;
import java.util.Objects;

/**
 * The builder part every template engine's configuration shares, so each engine's builder offers
 * the same setters for how branches are made.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class TemplateOptions<B extends TemplateOptions<B>> {

    private TemplateSettings template = TemplateSettings.defaults();

    protected abstract B self();

    protected TemplateSettings template() {
        return template;
    }

    /** All template settings at once. */
    public B template(TemplateSettings settings) {
        this.template = Objects.requireNonNull(settings, "settings == null");
        return self();
    }

    public B copyStrategy(CopyStrategy strategy) {
        return template(template.withCopyStrategy(strategy));
    }

    public B templateWait(Duration wait) {
        return template(template.withTemplateWait(wait));
    }

    public B terminateBlockers(boolean terminate) {
        return template(template.withTerminateBlockers(terminate));
    }

    public B cleanExpiredOnStart(boolean clean) {
        return template(template.withCleanExpiredOnStart(clean));
    }
}
