package io.redpair.nodered;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.testkit.NodeRedBoxes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Read-only calls against one real, anonymous Node-RED box shared by the class. */
class NodeRedClientReadTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();

    private static NodeRedProcess box;
    private static NodeRedClient client;

    @BeforeAll
    static void startBox() {
        box = BOXES.start(BoxOptions.defaults().withEnv(java.util.Map.of("REDPAIR_CANARY_MARKER", "read-test-marker")));
        client = NodeRedClient.create(box.endpoint());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void settingsReportVersionRuntimeStateEncryptionAndNodeRoot() {
        Outcome<NodeRedSettings> s = client.settings();

        assertThat(s.isOk()).as(s.describe()).isTrue();
        assertThat(s.value().version()).isEqualTo(box.installation().version());
        assertThat(s.value().runtimeStateEnabled()).isTrue();
        assertThat(s.value().flowEncryptionType()).isEqualTo("user");
        assertThat(s.value().httpNodeRoot()).isEqualTo("/");
        assertThat(s.value().user()).isNull();
        assertThat(s.latencyNanos()).isPositive();
    }

    @Test
    void flowsStateOfARunningBoxIsStart() {
        Outcome<FlowsState> state = client.flowsState();

        assertThat(state).isInstanceOf(Outcome.Ok.class);
        assertThat(state.value()).isEqualTo(FlowsState.START);
    }

    @Test
    void heartbeatReportsTheCanaryTickAgeAndMarker() throws Exception {
        Outcome<Heartbeat> hb = client.heartbeat(BoxOptions.CANARY_PATH);

        assertThat(hb.isOk()).as(hb.describe()).isTrue();
        assertThat(hb.value().marker()).isEqualTo("read-test-marker");
        assertThat(hb.value().tick()).isPositive();
        assertThat(hb.value().ageMs()).isBetween(0L, 1_000L);
    }

    @Test
    void asyncProbesAnswerLikeTheBlockingOnes() throws Exception {
        Outcome<FlowsState> state = client.flowsStateAsync().get(5, TimeUnit.SECONDS);
        Outcome<Heartbeat> hb = client.heartbeatAsync(BoxOptions.CANARY_PATH).get(5, TimeUnit.SECONDS);

        assertThat(state.value()).isEqualTo(FlowsState.START);
        assertThat(hb.value().marker()).isEqualTo("read-test-marker");
    }

    @Test
    void flowsComeWithARevThatIsTheSha256OfTheFlowsJson() throws Exception {
        Outcome<FlowsDocument> doc = client.flows();

        assertThat(doc.isOk()).as(doc.describe()).isTrue();
        assertThat(doc.value().flows()).anySatisfy(n -> assertThat(n.path("id").asText()).isEqualTo("redpair-canary-http-in"));
        byte[] json = new ObjectMapper().writeValueAsBytes(doc.value().flows());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        assertThat(doc.value().rev()).isEqualTo(sha);
    }

    @Test
    void diagnosticsCarryNodeVersionAndRuntimeFlowState() {
        Outcome<JsonNode> d = client.diagnostics();

        assertThat(d.isOk()).as(d.describe()).isTrue();
        assertThat(d.value().path("nodejs").path("version").asText()).isEqualTo(box.installation().nodeVersion());
        assertThat(d.value().path("runtime").path("flows").path("state").asText()).isEqualTo("start");
    }

    @Test
    void unknownHeartbeatPathIsNotFoundNotAnError() {
        Outcome<Heartbeat> hb = client.heartbeat("/no/such/path");

        assertThat(hb).isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void wrongAdminRootIsNotNodeRed() {
        try (NodeRedClient wrong = NodeRedClient.create(box.endpoint().withAdminUrl(box.adminUrl().resolve("/admin")))) {
            Outcome<FlowsState> state = wrong.flowsState();

            assertThat(state).isInstanceOf(Outcome.NotNodeRed.class);
            assertThat(state.describe()).contains("httpAdminRoot");
        }
    }
}
