package dev.graft.junit;

import dev.graft.branch.Branch;
import dev.graft.branch.BranchEngine;
import dev.graft.branch.BranchException;
import dev.graft.branch.BranchInfo;
import dev.graft.branch.BranchSpec;
import dev.graft.branch.IfExists;
import dev.graft.branch.Seed;
import dev.graft.branch.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a template database all or nothing: the engine loads the migrations and seeds into a
 * database under a temporary name and publishes it under the template's name only when every
 * statement succeeded, so no test ever sees a half-built template.
 */
final class TemplateBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateBuilder.class);
    private static final String EMBEDDED = "embedded";

    private final BranchEngine engine;

    TemplateBuilder(BranchEngine engine) {
        this.engine = engine;
    }

    /** The template's name, built unless the engine holds it already. */
    String obtain(TemplateContent content, Predicate<String> inUse) {
        Optional<ParentDatabase> parent = content.parent().isEmpty() ? Optional.empty()
                : Optional.of(ParentDatabase.resolve(engine, content.parent()));
        String name = nameFor(content, parent);
        if (engine.get(name).isPresent()) {
            LOG.info("reusing template \"{}\" of {}", name, content.describe());
            return name;
        }
        long start = System.nanoTime();
        try {
            if (parent.isEmpty() || engine.canSeed()) {
                // REUSE: another JVM on the same server may publish the same content first; it is as good
                BranchSpec.Builder spec = parent.isEmpty() ? BranchSpec.root(name)
                        : BranchSpec.of(name).parent(parent.get().database()).noExpiry();
                engine.create(spec.ifExists(IfExists.REUSE).seed(seed(content)).build());
            } else {
                buildInPlace(name, parent.get().database(), content);
            }
        } catch (BranchException e) {
            throw new GraftDatabaseException(e.getMessage() + " (building template \"" + name + "\" of "
                    + content.describe() + " on the " + engine.kind() + " engine)", e);
        }
        LOG.info("built template \"{}\" of {} in {} ms", name, content.describe(), (System.nanoTime() - start) / 1_000_000);
        removeSuperseded(content, name, inUse);
        return name;
    }

    /**
     * A template on a parent is named after the parent's creation too, so a parent that was reset
     * (and may hold other data) gets a new template rather than a stale one.
     */
    private String nameFor(TemplateContent content, Optional<ParentDatabase> parent) {
        return parent.map(p -> content.templateName() + "_" + Integer.toHexString(p.info(engine).createdAt().hashCode()))
                .orElse(content.templateName());
    }

    /**
     * Engines that cannot seed (cloud branches) get the branch first and the content loaded into it
     * after; a failure deletes the half-built template, so the next test starts over.
     */
    private void buildInPlace(String name, String parent, TemplateContent content) {
        Branch template = engine.create(BranchSpec.of(name).parent(parent).noExpiry()
                .ifExists(IfExists.REUSE).build());
        try {
            Seeds.apply(seed(content), template);
        } catch (RuntimeException e) {
            engine.delete(name);
            throw e;
        }
    }

    private static Seed seed(TemplateContent content) {
        List<Seed> parts = new ArrayList<>();
        if (!content.migrations().isEmpty()) {
            parts.add(Seed.flyway(content.migrations().toArray(String[]::new)));
        }
        content.seeds().forEach(script -> parts.add(Seed.sql(script.location(), script.text())));
        return Seed.all(parts);
    }

    /**
     * Drops templates of the same locations with other content: the files were edited since. Only
     * on the embedded engine, whose data directory one JVM owns; on a shared server another build
     * may still be using what looks superseded here.
     */
    private void removeSuperseded(TemplateContent content, String current, Predicate<String> inUse) {
        if (!EMBEDDED.equals(engine.kind())) {
            return;
        }
        for (BranchInfo info : engine.list()) {
            String name = info.name();
            if (name.startsWith(content.familyPrefix()) && !name.equals(current) && !inUse.test(name)) {
                try {
                    engine.delete(name);
                    LOG.info("dropped superseded template \"{}\"", name);
                } catch (BranchException e) {
                    LOG.warn("could not drop superseded template \"{}\": {}", name, e.getMessage());
                }
            }
        }
    }
}
