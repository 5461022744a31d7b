package io.redpair.flows.push;

import io.redpair.flows.DeploymentAdvice;
import io.redpair.flows.FlowDiff;
import io.redpair.flows.FlowSet;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;

/**
 * What the push does to one box: from the revision it has now to its target's (the source, or for a rollback the
 * box's own snapshot), with the diff and the chosen deployment type. {@code fromRev} guards the deploy: if the box
 * changed since the plan, it answers 409.
 */
public record PushStep(BoxId box, Role role, FlowSet target, String fromRev, String toRev, FlowDiff diff,
                       DeploymentAdvice advice) {
}
