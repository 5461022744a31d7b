package io.redpair.flows.push;

import io.redpair.nodered.DeployType;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;

/** How one step of a push ended. */
public sealed interface StepResult {

    BoxId box();

    /** The revision the box has after this step (as verified, or as it was when the step did not change it). */
    String revAfter();

    /** One line for the engineer and the journal: what happened to the box and which revision it has now. */
    default String describe() {
        if (this instanceof Deployed d) {
            return "box " + d.box() + ": deployed (" + d.type().header() + ", " + d.millis() + " ms), rev "
                    + PushResult.shortRev(d.revBefore()) + " -> " + PushResult.shortRev(d.revAfter()) + " verified";
        }
        if (this instanceof Unchanged u) {
            return "box " + u.box() + ": unchanged at rev " + PushResult.shortRev(u.revAfter());
        }
        if (this instanceof Failed f) {
            return "box " + f.box() + ": FAILED: " + f.reason();
        }
        return "box " + box() + ": not attempted (an earlier step failed); keeps rev " + PushResult.shortRev(revAfter());
    }

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
