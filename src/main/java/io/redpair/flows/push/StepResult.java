package io.redpair.flows.push;

import io.redpair.nodered.DeployType;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;

/** How one step of a push ended. */
public sealed interface StepResult {

    BoxId box();

    /** The revision the box has after this step (as verified, or as it was when the step did not change it). */
    String revAfter();

    /** Deployed and verified: the box reports the source's revision (and a spare's flows stayed stopped). */
    record Deployed(BoxId box, Role role, String revBefore, String revAfter, DeployType type, long millis)
            implements StepResult {
    }

    /** The box already had the source's revision. */
    record Unchanged(BoxId box, String revAfter) implements StepResult {
    }

    /**
     * The step failed; the plan stopped here. {@code revAfter} is what the box has now as far as known
     * ({@code null} when it could not be read).
     *
     * @param conflict the box answered 409: its flows changed since the plan was made (re-diff and ask)
     */
    record Failed(BoxId box, Role role, String reason, boolean conflict, String revAfter) implements StepResult {
    }

    /** Not attempted because an earlier step failed; the box keeps what it had. */
    record NotAttempted(BoxId box, String revAfter) implements StepResult {
    }
}
