package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import io.redpair.flows.FlowSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every HA-readiness rule over a flow set. Disabled nodes and nodes on disabled tabs are skipped: Node-RED
 * does not run them. Nodes inside subflow definitions are checked once, at the definition.
 */
public final class FlowLinter {

    private static final List<LintRule> RULES = List.of(new StatefulNodeRule(), new FunctionStateRule(),
            new MemoryContextRule(), new InjectOnceRule(), new MqttBrokerRule(), new OwnPortListenerRule(),
            new LocalFileRule(), new BoxHardwareRule(), new HttpInRule(), new MqttSharedSubscriptionRule());

    private FlowLinter() {
    }

    public static LintReport lint(FlowSet flows, ContextStores stores) {
        LintInput in = new LintInput(flows, stores);
        List<Finding> findings = new ArrayList<>();
        for (FlowNode n : flows.nodes()) {
            if (flows.runs(n)) {
                RULES.forEach(rule -> rule.check(in, n, findings));
            }
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed()); // stable: source order within a severity
        return new LintReport(flows.source(), flows.revision(), stores, findings);
    }
}
