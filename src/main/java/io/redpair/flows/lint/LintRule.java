package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import java.util.List;

/** One HA-readiness check, applied to each node in turn. Rules are stateless. */
interface LintRule {

    /** Adds this rule's findings about {@code node} to {@code out}. */
    void check(LintInput in, FlowNode node, List<Finding> out);
}
