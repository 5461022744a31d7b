package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import java.util.List;

/**
 * MQTT broker config nodes: the client id decides whether a session can follow the active box, and the clean
 * session flag whether messages wait for it while no box is connected (NODE-RED-FACTS §6).
 */
final class MqttBrokerRule implements LintRule {

    static final String CLIENT_ID = "mqtt-client-id";
    static final String CLEAN_SESSION = "mqtt-clean-session";

    @Override
    public void check(LintInput in, FlowNode n, List<Finding> out) {
        if (!n.type().equals("mqtt-broker")) {
            return;
        }
        String clientId = n.text("clientid");
        boolean clean = n.flag("cleansession", true);
        if (!clean && clientId.isEmpty()) {
            out.add(in.finding(CLIENT_ID, Severity.ERROR, n, "Asks for a persistent session (clean session off)"
                    + " without a client id, so no box can ever resume it.",
                    "The broker keys sessions by client id; an empty id makes Node-RED generate a random one on"
                            + " every connect, and queued messages stay in a session nobody returns to.",
                    "Set a fixed client id (the same on both boxes) or turn clean session back on."));
        } else if (!clientId.isEmpty()) {
            out.add(in.finding(CLIENT_ID, Severity.INFO, n, "Fixed client id \"" + clientId + "\": fine for a hot"
                    + " spare, because the stopped spare holds no broker connection.",
                    "Both boxes use the same id, so the new active resumes the session the old one left. If both"
                            + " ever connected at once (split brain), the broker would drop the older connection on"
                            + " every reconnect and they would flap every 5 s.",
                    "Keep it for hot spare; for active/active give each box its own id and use shared subscriptions."));
        }
        if (clean && subscribes(in, n)) {
            out.add(in.finding(CLEAN_SESSION, Severity.WARNING, n, "Clean session is on: messages published while"
                    + " no box is connected (during a takeover) are not kept for the subscriptions.",
                    "With clean session the broker discards the subscription state on disconnect; the new active"
                            + " subscribes afresh and only receives what is published from then on (retained"
                            + " messages excepted).",
                    "Turn clean session off with a fixed client id and subscribe with QoS 1 or 2, so the broker"
                            + " queues messages until the new active connects."));
        }
    }

    private static boolean subscribes(LintInput in, FlowNode broker) {
        return in.usersOf(broker.id()).stream().anyMatch(u -> u.type().equals("mqtt in"));
    }
}
