package io.redpair.pair.approval;

/** What {@link ApprovalPolicy} says about a request or an approval. */
public sealed interface ApprovalOutcome {

    /** Go ahead. {@code approver} is null when one person suffices. */
    record Approved(ActionRequest request, Principal approver) implements ApprovalOutcome {
    }

    /** Confirmed by the requester; a second person must approve before the window closes. */
    record AwaitingSecondPerson(ActionRequest request) implements ApprovalOutcome {
    }

    /** Not allowed; {@code reason} is shown to the person as it is. */
    record Refused(String reason) implements ApprovalOutcome {
    }
}
