package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import io.redpair.flows.FlowSet;
import io.redpair.flows.NodeRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every rule sees: the flows, the box's context stores (if known), and who uses which config node. */
final class LintInput {

    private final FlowSet flows;
    private final ContextStores stores;
    private final Map<String, List<FlowNode>> users = new HashMap<>();

    LintInput(FlowSet flows, ContextStores stores) {
        this.flows = flows;
        this.stores = stores;
        for (FlowNode n : flows.nodes()) {
            n.json().fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && !e.getKey().equals("id") && !e.getKey().equals("z")
                        && flows.byId().containsKey(e.getValue().textValue())) {
                    users.computeIfAbsent(e.getValue().textValue(), k -> new ArrayList<>()).add(n);
                }
            });
        }
    }

    FlowSet flows() {
        return flows;
    }

    ContextStores stores() {
        return stores;
    }

    /** Nodes that name {@code id} in a property: the users of a config node. */
    List<FlowNode> usersOf(String id) {
        return users.getOrDefault(id, List.of());
    }

    Finding finding(String rule, Severity severity, FlowNode node, String problem, String why, String action) {
        return new Finding(rule, severity, NodeRef.of(flows, node), problem, why, action);
    }
}
