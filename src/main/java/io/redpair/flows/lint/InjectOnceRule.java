package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import java.util.List;

/** Inject nodes set to fire once when flows start: a takeover starts the flows, so they fire again. */
final class InjectOnceRule implements LintRule {

    static final String ID = "inject-once";

    @Override
    public void check(LintInput in, FlowNode n, List<Finding> out) {
        if (n.type().equals("inject") && n.flag("once", false)) {
            out.add(in.finding(ID, Severity.WARNING, n,
                    "Fires again on every takeover, switchover and full deploy, not once per installation.",
                    "\"Inject once after " + (n.text("onceDelay").isEmpty() ? "0.1" : n.text("onceDelay"))
                            + " s\" runs whenever the node starts; starting the spare's flows starts it, and a"
                            + " deploy that restarts it does too.",
                    "Make what it triggers idempotent (initialise only when a shared store has no value yet,"
                            + " re-subscribe rather than re-create), or move one-time work out of the flows."));
        }
    }
}
