package io.redpair.flows;

/**
 * Facts about core node types that both the deployment advice and the lint need. Property names and modes are
 * those of @node-red/nodes 4.1.15 (NODE-RED-FACTS §7).
 */
public final class NodeKinds {

    private NodeKinds() {
    }

    /**
     * Nodes that rebuild message sequences from parts sent by the nodes before them. If the nodes before them are
     * restarted alone (a {@code nodes} deploy) they keep half-assembled groups made by the old version.
     */
    public static boolean reassemblesSequences(FlowNode n) {
        switch (n.type()) {
            case "join":
            case "batch":
                return true;
            case "sort":
                return "seq".equals(n.text("targetType"));
            case "csv":
                return !"one".equals(n.text("multi")) && !n.text("multi").isEmpty();
            case "switch":
                return n.flag("repair", false);
            default:
                return false;
        }
    }
}
