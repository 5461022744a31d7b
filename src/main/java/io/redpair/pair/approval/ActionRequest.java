package io.redpair.pair.approval;

import java.util.Objects;

/**
 * A deliberate action someone asked for and confirmed. {@code requestedAtNanos} is the monotonic time
 * of the process that holds the request (the supervisor), so the window is measured on one clock.
 *
 * @param target what the action touches, exactly as the operator must type it, e.g. {@code line1/B}
 */
public record ActionRequest(DeliberateAction action, String target, Principal requester, long requestedAtNanos) {

    public ActionRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(requester, "requester");
        if (target.isBlank()) {
            throw new IllegalArgumentException("a deliberate action needs a target");
        }
    }

    public String describe() {
        return action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " of " + target;
    }
}
