package io.redpair.flows.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a push: one result per planned step, in plan order, and for a push by switchover the switchover
 * between the two deploys ({@code null} for a push in place).
 */
public record PushResult(List<StepResult> steps, SwitchoverReport switchover) {

    public PushResult {
        steps = List.copyOf(steps);
    }

    public PushResult(List<StepResult> steps) {
        this(steps, null);
    }

    public Optional<SwitchoverReport> switchoverReport() {
        return Optional.ofNullable(switchover);
    }

    public boolean completed() {
        return steps.stream().noneMatch(s -> s instanceof StepResult.Failed || s instanceof StepResult.NotAttempted)
                && (switchover == null || switchover.completed());
    }

    /** True when every box is known to carry the same revision now. */
    public boolean consistent() {
        String first = steps.isEmpty() ? null : steps.get(0).revAfter();
        return first != null && steps.stream().allMatch(s -> Objects.equals(first, s.revAfter()));
    }

    /** True when a box answered 409: its flows changed behind the plan. */
    public boolean conflicted() {
        return steps.stream().anyMatch(s -> s instanceof StepResult.Failed f && f.conflict());
    }

    /** One sentence for the engineer about the state the pair is left in. */
    public String summary() {
        String state = consistent() ? "both boxes carry revision " + shortRev(steps.get(0).revAfter())
                : "the boxes now carry different flows (" + String.join(", ", steps.stream()
                        .map(s -> s.box() + " " + shortRev(s.revAfter())).toList())
                        + "): drift until the push is repeated or rolled back";
        String downtime = switchoverReport().flatMap(SwitchoverReport::shownDowntime)
                .map(d -> "; measured switchover downtime " + d.toMillis() + " ms").orElse("");
        return (completed() ? "Push completed; " : "Push stopped; ") + state + downtime + ".";
    }

    /** What the engineer can do next when the push stopped (empty when it completed). */
    public List<String> nextSteps() {
        List<String> out = new ArrayList<>();
        if (completed()) {
            return out;
        }
        if (conflicted()) {
            out.add("A box was changed behind the plan (see its re-diff above). To roll the pushed flows out over that"
                    + " change, run the push again: it reads both boxes and shows a new plan.");
            out.add("To go back instead, run redpair rollback: it puts each box's flows from before this push back"
                    + " (on the changed box that discards the change made behind the plan).");
        } else if (!consistent()) {
            out.add("Fix the cause above, then run the push again (boxes already at the new revision are skipped),"
                    + " or run redpair rollback to put back the flows from before this push.");
        } else {
            out.add("Nothing was changed on any box; fix the cause above and run the push again.");
        }
        return out;
    }

    /** The first 12 hex digits of a revision, as the console and CLI show it; "unknown" for null. */
    public static String shortRev(String rev) {
        return rev == null ? "unknown" : rev.substring(0, Math.min(12, rev.length()));
    }
}
