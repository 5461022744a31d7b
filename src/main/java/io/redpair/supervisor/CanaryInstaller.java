package io.redpair.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.redpair.nodered.DeployType;
import io.redpair.nodered.FlowsDocument;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Adds the RedPair canary tab ({@code app/edge/redpair-canary.json}, shipped as a classpath resource) to a box's
 * flows with a rev-guarded v2 deploy of type {@code flows}, so only the canary tab starts. Idempotent: when the
 * box already has the same canary nodes nothing is deployed. On a spare (flows stopped) the deploy keeps the
 * flows stopped — Node-RED never starts stopped flows on a deploy outside safe mode.
 */
public final class CanaryInstaller {

    /** What happened on one box. */
    public enum Status { INSTALLED, ALREADY_PRESENT, FAILED }

    public record Result(Status status, String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE = "/io/redpair/lab/redpair-canary.json";

    private final ArrayNode canary;
    private final String heartbeatPath;

    public CanaryInstaller(String heartbeatPath) {
        this.canary = canaryNodes();
        this.heartbeatPath = heartbeatPath;
    }

    static ArrayNode canaryNodes() {
        try (InputStream in = CanaryInstaller.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing from this build");
            }
            return (ArrayNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The box's flows with the canary merged in by node id, or null when they already hold exactly it. */
    static ArrayNode merge(ArrayNode flows, ArrayNode canaryNodes) {
        Map<String, JsonNode> wanted = new HashMap<>();
        canaryNodes.forEach(n -> wanted.put(n.path("id").asText(), n));
        int identical = 0;
        ArrayNode merged = JSON.createArrayNode();
        for (JsonNode n : flows) {
            JsonNode mine = wanted.get(n.path("id").asText());
            if (mine == null) {
                merged.add(n);
            } else if (mine.equals(n)) {
                identical++;
            }
        }
        if (identical == wanted.size()) {
            return null;
        }
        merged.addAll(canaryNodes);
        return merged;
    }

    public Result install(NodeRedClient client) {
        Outcome<FlowsDocument> current = client.flows();
        if (!(current instanceof Outcome.Ok<FlowsDocument> ok)) {
            return new Result(Status.FAILED, "GET /flows: " + current.describe());
        }
        ArrayNode merged = merge(ok.value().flows(), canary);
        if (merged == null) {
            return new Result(Status.ALREADY_PRESENT, "canary already deployed (rev " + shortRev(ok.value().rev()) + ")");
        }
        Outcome<String> deployed = client.deploy(merged, ok.value().rev(), DeployType.FLOWS, null);
        if (!(deployed instanceof Outcome.Ok<String> rev)) {
            return new Result(Status.FAILED, "deploy: " + deployed.describe()
                    + (deployed instanceof Outcome.Conflict ? "; the flows changed meanwhile, run again" : ""));
        }
        return new Result(Status.INSTALLED, "deployed (rev " + shortRev(rev.value()) + "); " + verify(client));
    }

    private String verify(NodeRedClient client) {
        Outcome<FlowsState> state = client.flowsState();
        if (state instanceof Outcome.Ok<FlowsState> s && s.value() != FlowsState.START) {
            return "flows stay stopped (" + s.value().wire() + "): this box is the spare";
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Outcome<?> beat = client.heartbeat(heartbeatPath);
        while (!beat.isOk() && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            beat = client.heartbeat(heartbeatPath);
        }
        return beat.isOk() ? "canary answers at " + heartbeatPath : "canary does not answer yet: " + beat.describe();
    }

    private static String shortRev(String rev) {
        return rev.length() > 12 ? rev.substring(0, 12) : rev;
    }
}
