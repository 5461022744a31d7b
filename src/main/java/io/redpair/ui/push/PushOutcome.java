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
                          String advice, boolean activeDeployed) {

    /** One box: rev before → after and what happened, in words. */
    public record BoxLine(String box, String role, String before, String after, String what) {
    }

    public static PushOutcome of(PushPlan plan, PushResult result, Optional<Duration> downtime, boolean rollback) {
        List<BoxLine> lines = result.steps().stream().map(r -> line(plan, result, r)).toList();
        String advice = "";
        if (!result.completed()) {
            advice = advice(result, rollback);
        }
        boolean activeDeployed = result.steps().stream().anyMatch(r -> r instanceof StepResult.Deployed d
                && d.role() == io.redpair.pair.Role.ACTIVE);
        return new PushOutcome(result.completed(), result.summary(), lines, downtime, advice, activeDeployed);
    }

    private static BoxLine line(PushPlan plan, PushResult result, StepResult r) {
        PushStep step = plan.steps().stream().filter(s -> s.box() == r.box()).findFirst().orElseThrow();
        String what = r.describe().substring(("box " + r.box() + ": ").length())
                .replace("FAILED: box " + r.box() + ": ", "FAILED: ");
        boolean switched = result.switchoverReport().map(sw -> sw.completed()).orElse(false);
        String role = PlanText.roleWord(step.role());
        if (switched) {
            role = result.switchoverReport().get().to() == r.box() ? "active (was spare)" : "spare (was active)";
        }
        return new BoxLine("Box " + r.box(), role, PushResult.shortRev(step.fromRev()), PushResult.shortRev(r.revAfter()), what);
    }

    private static String advice(PushResult result, boolean rollback) {
        String what = rollback ? "rollback" : "push";
        String cause = result.conflicted()
                ? "A box's flows were changed by someone else after the plan was made, so nothing was overwritten on it. "
                + "Start the " + what + " again: it re-reads both boxes and shows the new differences."
                : "Fix the cause above, then start the " + what + " again (a box already at the new revision shows no change).";
        String state = result.consistent()
                ? " Both boxes still carry the same flows: the pair is as protected as before."
                : " Until then the boxes carry different flows, so a takeover would change what runs; Roll back returns"
                + " both boxes to the revisions they had before.";
        return cause + state;
    }

    /** In words, for the result page: what the active box went through. */
    public String downtimeText() {
        return downtime.map(d -> "Downtime (no box running flows during the switchover): " + d.toMillis() + " ms")
                .orElse(activeDeployed ? "No downtime: the active box was deployed to in place; only the restarted nodes"
                        + " paused." : "No downtime: the active box was not deployed to and kept running its flows.");
    }
}
