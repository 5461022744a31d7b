package io.redpair.nodered;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers a real Node-RED cannot be made to send (garbage, HTML with 200, trickles, huge bodies,
 * connections dropped mid-answer, redirects): each must end in a typed outcome, never an exception,
 * and never buffer an unbounded body.
 */
class NodeRedClientMalformedAnswerTest {

    private static final Duration PROBE = Duration.ofMillis(800);
    private MockWebServer server;
    private NodeRedClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        var endpoint = NodeRedEndpoint.anonymous(URI.create(server.url("/").toString()))
                .withTimeouts(Timeouts.defaults().withProbe(PROBE).withAdmin(Duration.ofSeconds(3)))
                .withHttpNodeRoot("/");
        client = NodeRedClient.create(endpoint);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void garbageWhereJsonIsExpectedIsNotNodeRed() {
        server.enqueue(json(200, "\u0000\u0001 definitely not json {"));

        assertThat(client.flowsState()).isInstanceOf(Outcome.NotNodeRed.class);
    }

    @Test
    void anHtmlPageWithStatus200IsNotNodeRed() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html><body>Router login</body></html>").build());

        Outcome<NodeRedSettings> settings = client.settings();

        assertThat(settings).isInstanceOf(Outcome.NotNodeRed.class);
        assertThat(settings.describe()).contains("HTML");
    }

    @Test
    void aHeartbeatCountsForAnyNonHtmlAnswerButNotForAnHtmlPage() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain").body("OK").build());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!DOCTYPE html><title>Node-RED</title>").build());

        Outcome<Heartbeat> plain = client.heartbeat("/own/heartbeat");
        Outcome<Heartbeat> editor = client.heartbeat("/");

        assertThat(plain.value()).isEqualTo(new Heartbeat(null, null, null));
        assertThat(editor).isInstanceOf(Outcome.NotNodeRed.class);
    }

    @Test
    void jsonOfTheWrongShapeIsNotNodeRed() {
        server.enqueue(json(200, "{\"httpNodeRoot\":\"/\"}"));
        server.enqueue(json(200, "{\"state\":\"pause\"}"));
        server.enqueue(json(200, "[1,2,3]"));

        assertThat(client.settings().describe()).contains("\"version\"");
        assertThat(client.flowsState().describe()).contains("unknown flow state 'pause'");
        assertThat(client.flows()).isInstanceOf(Outcome.NotNodeRed.class);
    }

    @Test
    void aTrickledBodyIsHungAtTheProbeTimeout() {
        server.enqueue(json(200, "{\"state\":\"start\"}                                                  ".repeat(2))
                .newBuilder().throttleBody(1, 100, TimeUnit.MILLISECONDS).build());

        Outcome<FlowsState> state = client.flowsState();

        assertThat(state).isInstanceOf(Outcome.Hung.class);
        assertThat(state.latencyMillis()).isBetween(PROBE.toMillis(), PROBE.toMillis() + 500);
    }

    @Test
    void aDeclaredHugeBodyIsTooLargeWithoutReadingIt() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{}").setHeader("Content-Length", "1073741824")
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());

        Outcome<NodeRedSettings> settings = client.settings();

        assertThat(settings).isInstanceOf(Outcome.TooLarge.class);
        assertThat(settings.describe()).contains("1073741824");
    }

    @Test
    void aChunkedBodyBeyondTheCapIsTooLarge() {
        Buffer tenMegabytes = new Buffer();
        tenMegabytes.writeUtf8("{\"flows\":[\"").writeUtf8("x".repeat(9 * 1024 * 1024)).writeUtf8("\"],\"rev\":\"r\"}");
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .chunkedBody(tenMegabytes, 64 * 1024).build());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .chunkedBody("{\"state\":\"start\",\"pad\":\"" + "y".repeat(100_000) + "\"}", 4096).build());

        assertThat(client.flows()).isInstanceOf(Outcome.TooLarge.class);
        assertThat(client.flowsState()).isInstanceOf(Outcome.TooLarge.class);
    }

    @Test
    void flowsUpToTheFlowsCapAreAccepted() {
        String big = "x".repeat(3 * 1024 * 1024);
        server.enqueue(json(200, "{\"flows\":[{\"id\":\"n1\",\"info\":\"" + big + "\"}],\"rev\":\"abc\"}"));

        Outcome<FlowsDocument> flows = client.flows();

        assertThat(flows.isOk()).as(flows.describe()).isTrue();
        assertThat(flows.value().rev()).isEqualTo("abc");
    }

    @Test
    void aConnectionDroppedMidAnswerIsAFailureNamingIt() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"state\":\"sta").setHeader("Content-Length", "5000")
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());

        Outcome<FlowsState> state = client.flowsState();

        assertThat(state).isInstanceOf(Outcome.Failed.class);
        assertThat(state.describe()).contains("connection dropped");
    }

    @Test
    void redirectsAreNotFollowed() {
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "http://example.invalid/login").build());

        Outcome<FlowsState> state = client.flowsState();

        assertThat(state).isInstanceOf(Outcome.NotNodeRed.class);
        assertThat(state.describe()).contains("example.invalid");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void statusCodesMapToTheirOutcomes() throws Exception {
        server.enqueue(json(500, "{\"code\":\"unexpected_error\",\"message\":\"boom\"}"));
        server.enqueue(json(400, "{\"code\":\"credentials_load_failed\",\"message\":\"Failed to decrypt credentials\"}"));
        server.enqueue(new MockResponse.Builder().code(413).setHeader("Content-Type", "text/html").body("<h1>too big</h1>").build());
        var flows = new ObjectMapper().createArrayNode();

        assertThat(client.diagnostics()).isInstanceOf(Outcome.ServerError.class);
        Outcome<String> rejected = client.deploy(flows, null, DeployType.FULL, null);
        assertThat(rejected).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected<String>) rejected).code()).isEqualTo("credentials_load_failed");
        assertThat(client.deploy(flows, null, DeployType.FULL, null)).isInstanceOf(Outcome.TooLarge.class);
        server.takeRequest(); // the diagnostics GET
        var deployRequest = server.takeRequest();
        assertThat(deployRequest.getHeaders().get("Node-RED-API-Version")).isEqualTo("v2");
        assertThat(deployRequest.getHeaders().get("Node-RED-Deployment-Type")).isEqualTo("full");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }
}
