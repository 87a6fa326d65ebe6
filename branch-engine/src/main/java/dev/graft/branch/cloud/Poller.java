package dev.graft.branch.cloud;

import dev.graft.branch.BranchException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a long-running operation until it reaches a terminal state, with a pause that grows by
 * half each time (operations that finish in a second are seen quickly; slow ones are not
 * hammered), and gives up at the call's {@link Deadline}. Failure states are the caller's to
 * detect: its {@code fetch} throws.
 */
public final class Poller {

    private final Duration first;
    private final Duration max;

    public Poller(Pacing pacing) {
        this.first = pacing.pollInterval();
        this.max = pacing.maxPollInterval();
    }

    /**
     * Fetches until {@code done} holds and returns the last value.
     *
     * @param what the operation, for the message when the deadline passes: {@code neon: operation op-1 (create_branch)}
     * @param state what the last value looked like, for that message
     */
    public <T> T await(String what, Supplier<T> fetch, Predicate<T> done, Function<T, String> state,
                       Deadline deadline) {
        Duration pause = first;
        int polls = 0;
        while (true) {
            T value = fetch.get();
            polls++;
            if (done.test(value)) {
                return value;
            }
            if (deadline.wouldPass(pause)) {
                throw new BranchException(what + " did not finish within the deadline of "
                        + deadline.describe() + " (" + polls + " polls; last state: " + state.apply(value)
                        + "); raise the engine's deadline if the service is slow");
            }
            Deadline.pause(pause, "waiting for " + what);
            pause = Duration.ofMillis(Math.min(max.toMillis(), pause.toMillis() * 3 / 2));
        }
    }
}
