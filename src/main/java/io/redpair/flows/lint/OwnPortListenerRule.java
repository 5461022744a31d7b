package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import java.util.List;

/**
 * tcp in / tcp out in "listen on" mode and udp in open their own port with {@code listen(port)} or
 * {@code bind(port)}: all interfaces, whatever uiHost says (NODE-RED-FACTS §7).
 */
final class OwnPortListenerRule implements LintRule {

    static final String ID = "own-port-listener";

    @Override
    public void check(LintInput in, FlowNode n, List<Finding> out) {
        boolean listens = switch (n.type()) {
            case "tcp in" -> "server".equals(n.text("server"));
            case "tcp out" -> "server".equals(n.text("beserver"));
            case "udp in" -> true;
            default -> false;
        };
        if (!listens) {
            return;
        }
        out.add(in.finding(ID, Severity.WARNING, n, "Listens on its own port " + n.text("port") + " on all"
                + " interfaces: senders must reach whichever box is active.",
                "The node binds the port itself (not through Node-RED's HTTP server), on every interface, ignoring"
                        + " uiHost. The spare does not listen while its flows are stopped, so senders that"
                        + " address box A's own IP lose contact after a takeover; two instances on one host"
                        + " (a lab pair) cannot both listen.",
                "Point senders at an address that follows the active box (a VIP moved on takeover, or DNS), or"
                        + " make them try both boxes."));
    }
}
