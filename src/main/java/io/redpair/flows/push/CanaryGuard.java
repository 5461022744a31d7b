package io.redpair.flows.push;

import io.redpair.flows.FlowSet;
import java.util.Optional;

/**
 * A push must keep the pair's canary. The supervisor's "flows run" verdict rests on the canary's {@code http in}
 * endpoint (the pair's {@code heartbeatPath}); flows without it would take the heartbeat away from the active the
 * moment they are deployed — the supervisor would see an active whose flows stopped answering, and the spare
 * would be left without the canary a takeover waits for. So a source without the endpoint is refused before
 * anything is deployed, with what to do about it.
 */
public final class CanaryGuard {

    private CanaryGuard() {
    }

    /** The refusal, when the pair has a canary and {@code source} has no {@code http in} node serving its path. */
    public static Optional<String> missing(FlowSet source, String heartbeatPath) {
        if (heartbeatPath == null || heartbeatPath.isBlank()) {
            return Optional.empty();
        }
        String path = normalize(heartbeatPath);
        boolean served = source.nodes().stream().anyMatch(n -> "http in".equals(n.type())
                && path.equals(normalize(n.text("url"))) && source.runs(n));
        return served ? Optional.empty() : Optional.of("the flows in " + source.source() + " have no enabled \"http in\""
                + " node for the pair's canary path " + path + ": deploying them would remove the heartbeat RedPair"
                + " watches on the active. Export the flows from a box that carries the RedPair canary tab, or add it"
                + " (app/edge/redpair-canary.json; `redpair canary install` puts it on the boxes), then push again.");
    }

    private static String normalize(String url) {
        String u = url == null ? "" : url.strip();
        return u.startsWith("/") ? u : "/" + u;
    }
}
