package io.redpair.flows.push;

import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push by switchover: the running flows are never redeployed in place. (1) the spare gets the new flows (they stay
 * stopped, revision verified); (2) a planned switchover through the actor that holds the site makes the spare active,
 * so the new flows start warm there; (3) the old active, now a stopped spare, gets the new flows; both revisions
 * are then equal. The only interruption is the switchover gap, measured from the canaries ({@link CanaryGapMeter}).
 *
 * <p>Failure anywhere stops the plan with the pair consistent in roles: if (1) fails nothing else happens and the
 * active is untouched; if the switchover fails, the old active is not deployed (it may still be running); if (3)
 * fails, the new flows run on the new active and the old box is a spare with the old flows (drift, said so).
 */
public final class PushBySwitchover {

    private static final Logger LOG = LoggerFactory.getLogger(PushBySwitchover.class);
    /** How long the meter waits for the new active's canary after the port returned. */
    private static final Duration FIRST_BEAT_PATIENCE = Duration.ofSeconds(30);

    private PushBySwitchover() {
    }

    /**
     * @param plan          a plan from {@link PushPlan#of} for a pair with one active box and one spare
     * @param heartbeatPath the pair's canary path (e.g. {@code /redpair/heartbeat}), polled to measure the gap
     */
    public static PushResult execute(PushPlan plan, Map<BoxId, NodeRedClient> clients, SwitchoverPort port,
                                     String pairId, String heartbeatPath, PushProgress progress) throws InterruptedException {
        PushStep spareStep = only(plan, Role.STANDBY);
        PushStep activeStep = only(plan, Role.ACTIVE);
        StepResult first = PushExecutor.runStep(spareStep, clients.get(spareStep.box()), progress);
        if (first instanceof StepResult.Failed) {
            return new PushResult(List.of(first, notAttempted(activeStep)));
        }
        NodeRedClient oldActive = clients.get(activeStep.box());
        SwitchoverReport switchover = switchover(port, pairId, activeStep.box(), spareStep.box(), oldActive,
                clients.get(spareStep.box()), heartbeatPath, progress);
        if (!switchover.completed()) {
            return new PushResult(List.of(first, notAttempted(activeStep)), switchover);
        }
        PushStep nowSpare = new PushStep(activeStep.box(), Role.STANDBY, activeStep.target(), activeStep.fromRev(),
                activeStep.toRev(), activeStep.diff(), activeStep.advice());
        Outcome<FlowsState> state = PushExecutor.patiently(oldActive::flowsState);
        if (!(state instanceof Outcome.Ok<FlowsState> ok) || ok.value() != FlowsState.STOP) {
            String reason = "box " + nowSpare.box() + ": after the switchover its flows are "
                    + (state.isOk() ? state.value() : state.describe()) + ", not stopped; nothing was deployed to it";
            LOG.warn("push by switchover: {}", reason);
            return new PushResult(List.of(first, new StepResult.Failed(nowSpare.box(), Role.STANDBY, reason, false,
                    nowSpare.fromRev())), switchover);
        }
        StepResult second = PushExecutor.runStep(nowSpare, oldActive, progress);
        return new PushResult(List.of(first, second), switchover);
    }

    private static SwitchoverReport switchover(SwitchoverPort port, String pairId, BoxId from, BoxId to,
                                               NodeRedClient oldActive, NodeRedClient newActive, String heartbeatPath,
                                               PushProgress progress) throws InterruptedException {
        progress.switchoverStarting(from, to);
        LOG.info("push by switchover: pair {}: switching over {} -> {}", pairId, from, to);
        SwitchoverOutcome outcome;
        GapTracker.Gap gap;
        try (CanaryGapMeter meter = CanaryGapMeter.start(oldActive, newActive, heartbeatPath)) {
            outcome = port.switchover(pairId, to);
            gap = meter.finish(outcome.completed() ? FIRST_BEAT_PATIENCE : Duration.ZERO);
        }
        SwitchoverReport report = new SwitchoverReport(from, to, outcome, gap.downtime(), gap.overlapSeen());
        LOG.info("push by switchover: pair {}: switchover {} ({}), measured gap {}, overlap seen {}", pairId,
                outcome.completed() ? "completed" : "failed", outcome.detail(),
                report.shownDowntime().map(d -> d.toMillis() + " ms").orElse("not measured"), gap.overlapSeen());
        progress.switchoverFinished(report);
        return report;
    }

    private static PushStep only(PushPlan plan, Role role) {
        List<PushStep> steps = plan.steps().stream().filter(s -> s.role() == role).toList();
        if (steps.size() != 1 || plan.steps().size() != 2) {
            throw new IllegalArgumentException("a push by switchover needs exactly one active box and one spare; the plan has "
                    + plan.steps().stream().map(s -> s.box() + " " + s.role()).toList());
        }
        return steps.get(0);
    }

    private static StepResult notAttempted(PushStep step) {
        return new StepResult.NotAttempted(step.box(), step.fromRev());
    }
}
