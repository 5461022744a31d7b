package io.redpair.flows.push;

import java.util.List;
import java.util.Objects;

/** The outcome of a push: one result per planned step, in plan order. */
public record PushResult(List<StepResult> steps) {

    public PushResult {
        steps = List.copyOf(steps);
    }

    public boolean completed() {
        return steps.stream().noneMatch(s -> s instanceof StepResult.Failed || s instanceof StepResult.NotAttempted);
    }

    /** True when every box is known to carry the same revision now. */
    public boolean consistent() {
        String first = steps.isEmpty() ? null : steps.get(0).revAfter();
        return first != null && steps.stream().allMatch(s -> Objects.equals(first, s.revAfter()));
    }

    /** One sentence for the engineer about the state the pair is left in. */
    public String summary() {
        String state = consistent() ? "both boxes carry revision " + shortRev(steps.get(0).revAfter())
                : "the boxes now carry different flows (" + String.join(", ", steps.stream()
                        .map(s -> s.box() + " " + shortRev(s.revAfter())).toList())
                        + "): drift until the push is repeated or rolled back";
        return (completed() ? "Push completed; " : "Push stopped; ") + state + ".";
    }

    /** The first 12 hex digits of a revision, as the console and CLI show it; "unknown" for null. */
    public static String shortRev(String rev) {
        return rev == null ? "unknown" : rev.substring(0, Math.min(12, rev.length()));
    }
}
