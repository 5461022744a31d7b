package io.redpair.flows.push;

import io.redpair.pair.BoxId;

/**
 * Told what a push is doing, as it happens: the GUI wizard shows progress with it, the CLI logs. Called on the
 * pushing thread, before and after each step; a listener must not block for long. {@link #stepStarting} is called
 * after the plan was made and before that box is deployed, so whatever changes a box there is a change "behind the
 * plan's back", which the rev guard must catch (tests use it that way).
 */
public interface PushProgress {

    PushProgress NONE = new PushProgress() {
    };

    default void stepStarting(PushStep step) {
    }

    default void stepFinished(StepResult result) {
    }

    default void switchoverStarting(BoxId from, BoxId to) {
    }

    default void switchoverFinished(SwitchoverReport report) {
    }
}
