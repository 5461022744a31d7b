package io.redpair.failover;

import static io.redpair.pair.BoxCondition.STANDBY_READY;
import static io.redpair.pair.BoxCondition.STUCK;
import static io.redpair.pair.BoxCondition.UNKNOWN;

import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;

/**
 * Start-up reconciliation: RedPair (re)starts knowing only the epoch and the last active from its
 * journal. It never starts flows before both boxes answered or the grace period passed. Then: exactly
 * one box running flows becomes the active; both running is a split brain (the journal's active, else
 * the preferred box, is kept); none running starts the preferred box only when {@code autoFailover} is
 * on (ADR 0031: one consent for "RedPair may start flows on its own"), else OPERATOR_NEEDED.
 */
final class StartupRules {

    private final Policy policy;
    private final BoxId preferred;
    private final SteadyRules steady;
    private final TakeoverRules takeover;

    StartupRules(Policy policy, BoxId preferred, SteadyRules steady, TakeoverRules takeover) {
        this.policy = policy;
        this.preferred = preferred;
        this.steady = steady;
        this.takeover = takeover;
    }

    /**
     * STARTING without a takeover: wait for both boxes or the grace period, then reconcile. A STUCK box
     * at start-up is most likely cold-starting its flows (the API says start before the nodes exist), so
     * its verdict waits for the grace instead of triggering a takeover of a box that is still booting.
     */
    void starting(Decision d) {
        PairState s = d.state();
        boolean bothHeard = s.condition(BoxId.A) != UNKNOWN && s.condition(BoxId.B) != UNKNOWN;
        boolean coldStart = s.condition(BoxId.A) == STUCK || s.condition(BoxId.B) == STUCK;
        boolean graceOver = d.now() - s.startedNanos() >= policy.startupGraceMs() * 1_000_000L;
        if (bothHeard && !coldStart || graceOver) {
            reconcile(d);
        }
    }

    /**
     * Decides who is active from what the boxes show. Also used in OPERATOR_NEEDED while no active was
     * ever decided, so a box that answers late completes the start-up instead of waiting for a human.
     */
    void reconcile(Decision d) {
        PairState s = d.state();
        boolean aRuns = s.condition(BoxId.A).mayRunFlows();
        boolean bRuns = s.condition(BoxId.B).mayRunFlows();
        if (aRuns && bRuns) {
            BoxId keep = s.active() != null ? s.active() : preferred;
            d.enter(Mode.UNPROTECTED, keep, "both boxes run flows", null);
            steady.splitBrain(d, keep);
        } else if (aRuns || bRuns) {
            BoxId runner = aRuns ? BoxId.A : BoxId.B;
            d.enter(Mode.UNPROTECTED, runner, d.describe(runner) + ": " + runner + " is the active", "decision");
            steady.evaluate(d);
        } else {
            noneRunning(d);
        }
    }

    private void noneRunning(Decision d) {
        PairState s = d.state();
        for (BoxId box : BoxId.values()) {
            if (!s.condition(box).confirmedNotRunning()) {
                steady.operatorNeeded(d, "no box is seen running flows and " + d.describe(box)
                        + ": it cannot be confirmed stopped, so nothing is started");
                return;
            }
        }
        if (!policy.autoFailover()) {
            steady.operatorNeeded(d, "no box runs flows and automatic start is off (autoFailover=false)");
            return;
        }
        BoxId target = s.condition(preferred) == STANDBY_READY ? preferred
                : s.condition(preferred.other()) == STANDBY_READY ? preferred.other() : null;
        if (target == null) {
            steady.operatorNeeded(d, "no box runs flows and both are down");
            return;
        }
        String which = target == preferred ? "the preferred box " + target : target + " (the preferred box is down)";
        takeover.begin(d, Mode.STARTING, target, "no box runs flows: starting " + which,
                s.condition(target.other()) == STANDBY_READY, false);
    }
}
