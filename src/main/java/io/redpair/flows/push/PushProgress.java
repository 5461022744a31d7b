package io.redpair.flows.push;

/**
 * Told about each step of a push as it runs, on the thread running the push (a console hands the calls over
 * to its UI thread). Implementations must not block: the push waits for them.
 */
public interface PushProgress {

    /** Nobody listens. */
    PushProgress NONE = new PushProgress() {
    };

    /** The step is about to deploy (or to find that nothing is needed). */
    default void starting(PushStep step) {
    }

    /** The step ended; after a failure the later steps are reported as not attempted. */
    default void finished(StepResult result) {
    }
}
