package io.redpair.ui.push;

import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.PushStep;
import io.redpair.flows.push.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result page: each box's revision before and after, how it ended, the downtime when the active box changed by
 * switchover, and — when the push stopped half way — what state the pair is in and what to do. Pure.
 *
 * @param downtime the measured gap with no box running flows (only for a push by switchover)
 * @param advice   what to do next; empty when the push completed
 */
public record PushOutcome(boolean completed, String headline, List<BoxLine> boxes, Optional<Duration> downtime,
                          String advice) {

    /** One box: rev before → after and what happened, in words. */
    public record BoxLine(String box, String before, String after, String what) {
    }

    public static PushOutcome of(PushPlan plan, PushResult result, Optional<Duration> downtime, boolean rollback) {
        List<BoxLine> lines = result.steps().stream().map(r -> line(plan, r)).toList();
        String advice = "";
        if (!result.completed()) {
            advice = advice(result, rollback);
        }
        return new PushOutcome(result.completed(), result.summary(), lines, downtime, advice);
    }

    private static BoxLine line(PushPlan plan, StepResult r) {
        String before = plan.steps().stream().filter(s -> s.box() == r.box()).map(PushStep::fromRev).findFirst()
                .orElse(null);
        String what = r.describe().substring(("box " + r.box() + ": ").length());
        return new BoxLine("Box " + r.box(), PushResult.shortRev(before), PushResult.shortRev(r.revAfter()), what);
    }

    private static String advice(PushResult result, boolean rollback) {
        boolean conflict = result.steps().stream().anyMatch(s -> s instanceof StepResult.Failed f && f.conflict());
        String what = rollback ? "rollback" : "push";
        if (conflict) {
            return "A box's flows were changed by someone else after the plan was made, so nothing was overwritten on it. "
                    + "Start the " + what + " again: it re-reads both boxes and shows the new differences.";
        }
        if (result.consistent()) {
            return "Both boxes still carry the same flows; the pair is as protected as before. Fix the cause above "
                    + "and start the " + what + " again.";
        }
        return "The boxes now carry different flows: a takeover now would change what runs. Either fix the cause "
                + "above and push again (the spare is already done and will show no change), or use Rollback to "
                + "return both boxes to the revisions they had before.";
    }
}
