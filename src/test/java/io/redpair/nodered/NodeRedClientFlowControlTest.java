package io.redpair.nodered;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.testkit.NodeRedBoxes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stop, start and deploy against one real anonymous box. Every test leaves the box running, and
 * {@link #backToRunning()} makes sure of it even when a test fails.
 */
class NodeRedClientFlowControlTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static NodeRedProcess box;
    private static NodeRedClient client;

    @BeforeAll
    static void startBox() {
        box = BOXES.start(BoxOptions.defaults());
        client = NodeRedClient.create(box.endpoint());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @AfterEach
    void backToRunning() throws Exception {
        client.setFlowsState(FlowsState.START);
        box.awaitHeartbeat(Duration.ofSeconds(10));
    }

    @Test
    void stopTakesFlowsDownAndStartBringsThemBack() throws Exception {
        Outcome<FlowsState> stopped = client.setFlowsState(FlowsState.STOP);

        assertThat(stopped.value()).isEqualTo(FlowsState.STOP);
        assertThat(client.flowsState().value()).isEqualTo(FlowsState.STOP);
        assertThat(client.heartbeat(BoxOptions.CANARY_PATH)).isInstanceOf(Outcome.NotFound.class);

        Outcome<FlowsState> started = client.setFlowsState(FlowsState.START);

        assertThat(started.value()).isEqualTo(FlowsState.START);
        assertThat(box.awaitHeartbeat(Duration.ofSeconds(5))).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void stopIsIdempotent() {
        client.setFlowsState(FlowsState.STOP);

        assertThat(client.setFlowsState(FlowsState.STOP).value()).isEqualTo(FlowsState.STOP);
    }

    @Test
    void deployWhileStoppedSavesButStaysStoppedUntilStart() throws Exception {
        FlowsDocument before = client.flows().value();
        client.setFlowsState(FlowsState.STOP);

        Outcome<String> rev = client.deploy(withMarker(before.flows(), "deployed-while-stopped"), before.rev(),
                DeployType.FULL, null);

        assertThat(rev.isOk()).as(rev.describe()).isTrue();
        assertThat(rev.value()).isNotEqualTo(before.rev()).isEqualTo(client.flows().value().rev());
        assertThat(client.flowsState().value()).isEqualTo(FlowsState.STOP);
        assertThat(client.heartbeat(BoxOptions.CANARY_PATH)).isInstanceOf(Outcome.NotFound.class);

        client.setFlowsState(FlowsState.START);
        box.awaitHeartbeat(Duration.ofSeconds(10));
        assertThat(client.heartbeat(BoxOptions.CANARY_PATH).value().marker()).isEqualTo("deployed-while-stopped");
    }

    @Test
    void deployWithAStaleRevIsAConflictAndChangesNothing() {
        FlowsDocument before = client.flows().value();
        String current = client.deploy(withMarker(before.flows(), "first"), before.rev(), DeployType.FLOWS, null).value();

        Outcome<String> stale = client.deploy(withMarker(before.flows(), "second"), before.rev(), DeployType.FULL, null);

        assertThat(stale).isInstanceOf(Outcome.Conflict.class);
        assertThat(stale.describe()).contains("version_mismatch");
        assertThat(client.flows().value().rev()).isEqualTo(current);
    }

    @Test
    void deployWithoutRevIsUnconditionalAndNodesDeployReturnsTheNewRev() throws Exception {
        FlowsDocument before = client.flows().value();

        Outcome<String> nodes = client.deploy(withMarker(before.flows(), "nodes-deploy"), null, DeployType.NODES, null);
        Outcome<String> reload = client.deploy(client.flows().value().flows(), null, DeployType.RELOAD, null);

        assertThat(nodes.value()).isEqualTo(reload.value()).isNotEqualTo(before.rev());
    }

    @Test
    void credentialsMapIsStoredPerNodeAndNeverReturnedByGetFlows() throws Exception {
        FlowsDocument before = client.flows().value();
        ArrayNode flows = before.flows().deepCopy();
        flows.addObject().put("id", "redpair-test-request").put("type", "http request").put("z", "redpair-canary-tab")
                .put("method", "GET").put("url", "http://127.0.0.1:9/").put("authType", "basic").putArray("wires");
        ObjectNode credentials = JSON.createObjectNode();
        credentials.putObject("redpair-test-request").put("user", "svc").put("password", "svc-pass-123");

        Outcome<String> rev = client.deploy(flows, before.rev(), DeployType.FULL, credentials);

        assertThat(rev.isOk()).as(rev.describe()).isTrue();
        assertThat(client.flows().value().flows().toString()).doesNotContain("svc-pass-123");
        JsonNode stored = get("credentials/http-request/redpair-test-request");
        assertThat(stored.path("user").asText()).isEqualTo("svc");
        assertThat(stored.path("has_password").asBoolean()).isTrue();
    }

    private static ArrayNode withMarker(ArrayNode flows, String marker) {
        ArrayNode copy = flows.deepCopy();
        for (JsonNode node : copy) {
            if ("redpair-canary-tab".equals(node.path("id").asText())) {
                ArrayNode env = ((ObjectNode) node).putArray("env");
                env.addObject().put("name", "REDPAIR_CANARY_MARKER").put("value", marker).put("type", "str");
            }
        }
        return copy;
    }

    /** Independent read of the box's admin API, not through the client under test. */
    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(box.adminUrl() + "/" + path)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
