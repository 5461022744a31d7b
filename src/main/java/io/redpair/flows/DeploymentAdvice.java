package io.redpair.flows;

import io.redpair.nodered.DeployType;
import java.util.List;
import java.util.Map;

/**
 * The least disruptive {@code Node-RED-Deployment-Type} that is still correct for one box, why, and how many nodes
 * each type would restart there (so the plan can show the cost of choosing otherwise).
 *
 * @param needed false when the box already runs exactly these flows (same revision): no deploy at all
 */
public record DeploymentAdvice(boolean needed, DeployType type, List<String> reasons, Map<DeployType, Integer> restarts) {

    public DeploymentAdvice {
        reasons = List.copyOf(reasons);
        restarts = Map.copyOf(restarts);
    }
}
