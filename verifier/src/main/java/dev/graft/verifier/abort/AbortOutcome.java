package dev.graft.verifier.abort;

import java.util.List;
import java.util.Objects;

/**
 * What an abort did on the target.
 *
 * @param aborted     whether it ran (false: the version was not applied and nothing of it remained)
 * @param summary     one line for the console
 * @param changes     what it dropped, restored and deleted, one line each ({@code - column public.t.c: text})
 */
public record AbortOutcome(boolean aborted, String summary, List<String> changes) {

    public AbortOutcome {
        Objects.requireNonNull(summary, "summary == null");
        changes = List.copyOf(changes);
    }
}
