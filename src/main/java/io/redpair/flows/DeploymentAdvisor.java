package io.redpair.flows;

import io.redpair.nodered.DeployType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the deployment type for pushing {@code target} onto a box that runs {@code current}.
 *
 * <p>Rules (docs/flows.md explains them with the Node-RED source they come from):
 * <ol>
 *   <li>same revision: nothing to deploy;</li>
 *   <li>the {@code global-config} node changed: {@code full}, because Node-RED turns any deploy into a full one;</li>
 *   <li>a node that reassembles message sequences (join, batch, sort of sequences, multi-part csv, switch that
 *       repairs sequences) is wired to a modified node without being modified itself: {@code flows}, so it restarts
 *       together with the nodes that feed it instead of holding groups started by the old version;</li>
 *   <li>otherwise {@code nodes}: Node-RED itself restarts the nodes that depend on a changed config node or
 *       subflow, the members of a changed group and a tab whose env changed, so nothing else needs restarting.</li>
 * </ol>
 */
public final class DeploymentAdvisor {

    private DeploymentAdvisor() {
    }

    /** @param credentialIds nodes whose credentials the push carries on the node (Node-RED restarts those) */
    public static DeploymentAdvice advise(FlowSet current, FlowSet target, Collection<String> credentialIds) {
        RestartScope scope = RestartScope.of(current, target, credentialIds);
        Map<DeployType, Integer> restarts = new EnumMap<>(DeployType.class);
        for (DeployType type : List.of(DeployType.NODES, DeployType.FLOWS, DeployType.FULL)) {
            restarts.put(type, scope.restartedBy(type).size());
        }
        if (current.revision().equals(target.revision()) && credentialIds.isEmpty()) {
            return new DeploymentAdvice(false, DeployType.NODES, List.of("the box already has revision "
                    + abbreviate(target.revision())), restarts);
        }
        List<String> reasons = new ArrayList<>();
        if (scope.globalConfigChanged()) {
            reasons.add("the global-config node (global environment variables) changed; Node-RED restarts every node"
                    + " for that whatever type is sent");
            return new DeploymentAdvice(true, DeployType.FULL, reasons, restarts);
        }
        List<String> reassemblers = linkedReassemblers(target, scope.linked());
        if (!reassemblers.isEmpty()) {
            reasons.add("restarting the changed nodes alone would leave " + String.join(", ", reassemblers)
                    + " holding half-built message groups from the old version; 'flows' restarts them together");
            return new DeploymentAdvice(true, DeployType.FLOWS, reasons, restarts);
        }
        int count = restarts.get(DeployType.NODES);
        reasons.add(count == 0 ? "only positions or order differ; no node restarts"
                : "restarts only the " + count + " changed node(s) and those that depend on them");
        if (!credentialIds.isEmpty()) {
            reasons.add("nodes that receive credentials are restarted so they use them");
        }
        return new DeploymentAdvice(true, DeployType.NODES, reasons, restarts);
    }

    private static List<String> linkedReassemblers(FlowSet target, Set<String> linked) {
        List<String> names = new ArrayList<>();
        for (FlowNode n : target.nodes()) {
            if (linked.contains(n.id()) && NodeKinds.reassemblesSequences(n)) {
                names.add(NodeRef.of(target, n).describe());
            }
        }
        return names;
    }

    private static String abbreviate(String rev) {
        return rev.length() > 12 ? rev.substring(0, 12) : rev;
    }
}
