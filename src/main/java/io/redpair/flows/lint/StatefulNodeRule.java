package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import io.redpair.flows.NodeKinds;
import java.util.List;

/**
 * Core and common contrib nodes that keep state between messages in process memory (NODE-RED-FACTS §7, read
 * from their close handlers): the state is dropped when flows stop, and the spare starts without it.
 */
final class StatefulNodeRule implements LintRule {

    static final String ID = "stateful-node";
    private static final String MEMORY = " Node-RED keeps this in the node object only: it is dropped when the"
            + " active box stops or dies, and the spare's copy of the node starts empty.";

    @Override
    public void check(LintInput in, FlowNode n, List<Finding> out) {
        switch (n.type()) {
            case "delay" -> delay(in, n, out);
            case "trigger" -> out.add(warn(in, n, "Pending timers are lost on takeover: a second output or a resend"
                    + " that was due never comes, and an extended timeout starts again.",
                    "Per-topic timers and the second-output state live in node.topics." + MEMORY,
                    "Keep the timeout short against the takeover time, or persist the deadline (a timestamp in a"
                    + " shared store) and re-arm it from an inject on start."));
            case "rbe" -> out.add(warn(in, n, "The last value per topic is forgotten: after takeover the first"
                    + " value of every topic passes the filter again, even if unchanged.",
                    "The filter compares with node.previous." + MEMORY,
                    "Let the receiver tolerate one repeated value per topic after a takeover, or compare against a"
                    + " value kept in a shared store."));
            case "smooth" -> out.add(warn(in, n, "The running average/min/max window restarts from the first value"
                    + " after takeover.", "The window of past values is held in memory." + MEMORY,
                    "Accept a settling period after takeover, or compute the statistic from a shared history."));
            case "split" -> stream(in, n, out);
            case "link call" -> out.add(warn(in, n, "Calls waiting for their link return are lost on takeover;"
                    + " the caller never gets an answer for them.",
                    "Pending calls are kept in messageEvents until the return or the timeout." + MEMORY,
                    "Make the callers retry, or keep request state outside the flow."));
            default -> sequence(in, n, out);
        }
    }

    private void delay(LintInput in, FlowNode n, List<Finding> out) {
        String mode = n.text("pauseType");
        if (mode.equals("rate") || mode.equals("queue") || mode.equals("timed")) {
            out.add(warn(in, n, "Messages queued by the rate limit (" + mode + " mode) are lost on takeover, and the"
                    + " new active sends at once without knowing the last send time.",
                    "The queue and the time of the last send are kept in buffer/lastSent." + MEMORY,
                    "If queued messages matter, queue them outside Node-RED (an MQTT broker with QoS 1 and a"
                    + " persistent session, a database) and make the receiver idempotent."));
        } else {
            out.add(in.finding(StatefulNodeRule.ID, Severity.INFO, n, "Messages waiting out their delay when the"
                    + " active box fails are lost.", "Each delayed message is a timer in process memory." + MEMORY,
                    "Fine for short delays; for long ones keep the due time in a shared store."));
        }
    }

    private void stream(LintInput in, FlowNode n, List<Finding> out) {
        if (n.flag("stream", false)) {
            out.add(warn(in, n, "In stream mode the unfinished remainder of the input is kept between messages;"
                    + " after takeover the first record is cut.", "node.remainder holds the partial record." + MEMORY,
                    "Make the source resend whole records after a reconnect, or split whole messages instead."));
        }
    }

    private void sequence(LintInput in, FlowNode n, List<Finding> out) {
        if (!NodeKinds.reassemblesSequences(n) && !(n.type().equals("switch") && usesPreviousValue(n))) {
            return;
        }
        out.add(warn(in, n, "Half-collected message groups (" + n.type() + ") are lost on takeover; parts that"
                + " arrive afterwards form incomplete groups or wait for the timeout.",
                "Pending parts, batches or the previous value are kept in the node." + MEMORY,
                "Set a timeout so incomplete groups are released, and make the consumer tolerate one incomplete"
                + " group after a takeover."));
    }

    private static boolean usesPreviousValue(FlowNode n) {
        for (var rule : n.json().path("rules")) {
            if ("prev".equals(rule.path("vt").asText()) || "prev".equals(rule.path("v2t").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Finding warn(LintInput in, FlowNode n, String problem, String why, String action) {
        return in.finding(ID, Severity.WARNING, n, problem, why, action);
    }
}
