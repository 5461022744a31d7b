package io.redpair.pair.approval;

import java.util.Objects;

/**
 * Decides whether a deliberate action may run: the requester typed the target's name; with the
 * two-person rule, a different person with separate credentials approved it, also typing the target,
 * no later than {@code window} after the request. Emergency (automatic) actions never come here.
 *
 * <p>Pure and stateless: the caller keeps the pending {@link ActionRequest}, discards it after one
 * approval (an approval is single-use) and records every outcome in the audit trail.
 */
public final class ApprovalPolicy {

    private final ApprovalSettings settings;

    public ApprovalPolicy(ApprovalSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ApprovalSettings settings() {
        return settings;
    }

    /** The first step: the requester asks and types the target to confirm. */
    public ApprovalOutcome request(DeliberateAction action, String target, Principal requester, String typed,
                                   long nowNanos) {
        ActionRequest request = new ActionRequest(action, target, requester, nowNanos);
        if (!confirms(typed, target)) {
            return refusedConfirmation(request);
        }
        return settings.twoPerson() ? new ApprovalOutcome.AwaitingSecondPerson(request)
                : new ApprovalOutcome.Approved(request, null);
    }

    /** The second step under the two-person rule: another person approves within the window. */
    public ApprovalOutcome approve(ActionRequest pending, Principal approver, String typed, long nowNanos) {
        if (!settings.twoPerson()) {
            return new ApprovalOutcome.Refused("this site does not use the two-person rule; nothing to approve");
        }
        if (approver.mayBeSamePersonAs(pending.requester())) {
            return new ApprovalOutcome.Refused("the " + pending.describe() + " was requested by " + pending.requester()
                    + "; a different person with separate credentials must approve it");
        }
        long age = nowNanos - pending.requestedAtNanos();
        if (age < 0 || age > settings.window().toNanos()) {
            return new ApprovalOutcome.Refused("the approval window for the " + pending.describe() + " has closed ("
                    + settings.window().toSeconds() + " s; asked " + Math.max(0, age) / 1_000_000_000L
                    + " s ago); request it again");
        }
        if (!confirms(typed, pending.target())) {
            return refusedConfirmation(pending);
        }
        return new ApprovalOutcome.Approved(pending, approver);
    }

    private static boolean confirms(String typed, String target) {
        return typed != null && typed.strip().equals(target);
    }

    private static ApprovalOutcome refusedConfirmation(ActionRequest request) {
        return new ApprovalOutcome.Refused("not confirmed: type '" + request.target() + "' to confirm the "
                + request.describe());
    }
}
