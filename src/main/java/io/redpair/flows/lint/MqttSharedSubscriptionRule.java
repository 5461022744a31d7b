package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import java.util.List;

/** For a future active/active mode: a plain subscription delivers every message to both boxes. */
final class MqttSharedSubscriptionRule implements LintRule {

    static final String ID = "mqtt-shared-subscription";

    @Override
    public void check(LintInput in, FlowNode n, List<Finding> out) {
        if (!n.type().equals("mqtt in") || n.text("topic").startsWith("$share/")) {
            return;
        }
        if (n.json().path("inputs").asInt(0) > 0) {
            return; // dynamic subscription: topics come in messages
        }
        out.add(in.finding(ID, Severity.INFO, n, "Subscribes to \"" + n.text("topic") + "\" without $share/: only"
                + " matters for a future active/active mode, where both boxes would process every message.",
                "Hot spare runs one subscriber at a time. With two active boxes, a broker delivers a plain"
                        + " subscription to both; a shared subscription ($share/group/topic, MQTT v5 or a broker"
                        + " that supports it) splits the messages between them.",
                "Nothing for hot spare. For active/active use \"$share/<group>/" + n.text("topic") + "\"."));
    }
}
