package io.redpair.ui.push;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.lint.ContextStores;
import io.redpair.flows.lint.FlowLinter;
import io.redpair.flows.lint.LintReport;
import io.redpair.flows.push.PushRefusedException;

/**
 * The wizard's slow steps, run on its worker thread: read and lint the source, then read the boxes and plan.
 * The answer says what succeeded, so a box that cannot be read still leaves the lint to look at.
 */
record PushWork(FlowSet source, LintReport lint, PushPort.PlannedPush planned, String problem) {

    static PushWork loadAndPlan(PushPort port, String pairId, String spec) {
        FlowSet source;
        try {
            source = port.loadSource(spec);
        } catch (FlowsFormatException | FlowSourceException e) {
            return new PushWork(null, null, null, e.getMessage());
        }
        LintReport lint = FlowLinter.lint(source, ContextStores.unknown());
        PlannedOrProblem p = plan(port, pairId, source);
        return new PushWork(source, lint, p.planned(), p.problem());
    }

    /** A plan, or why there is none. */
    record PlannedOrProblem(PushPort.PlannedPush planned, String problem) {
    }

    static PlannedOrProblem plan(PushPort port, String pairId, FlowSet source) {
        try {
            return new PlannedOrProblem(port.planPush(pairId, source), null);
        } catch (PushRefusedException e) {
            return new PlannedOrProblem(null, "Cannot plan the push: " + e.getMessage());
        }
    }

    static PlannedOrProblem rollback(PushPort port, String pairId) {
        try {
            return new PlannedOrProblem(port.planRollback(pairId), null);
        } catch (PushRefusedException e) {
            return new PlannedOrProblem(null, "Cannot roll back: " + e.getMessage());
        }
    }
}
