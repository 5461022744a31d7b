package io.redpair.nodered;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.TestFlows;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the client reports when the real process dies, freezes or blocks its event loop. The
 * probe timeout is 800 ms, so a "hung" answer must take at least that and not much longer.
 */
class NodeRedClientProcessFaultTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();

    private static final Duration PROBE = Duration.ofMillis(800);
    private static final long SLACK_MS = 500;

    @Test
    void aFrozenProcessIsHungAfterExactlyTheProbeTimeoutAndAnswersAgainWhenThawed() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults());
        try (NodeRedClient client = NodeRedClient.create(box.endpoint().withTimeouts(Timeouts.defaults().withProbe(PROBE)))) {
            box.freeze();

            assertHungWithinTimeout(client.flowsState());
            assertHungWithinTimeout(client.heartbeat(BoxOptions.CANARY_PATH));
            assertHungWithinTimeout(client.flowsStateAsync().get(5, TimeUnit.SECONDS));
            assertHungWithinTimeout(client.heartbeatAsync(BoxOptions.CANARY_PATH).get(5, TimeUnit.SECONDS));

            box.thaw();

            assertThat(client.flowsState().value()).isEqualTo(FlowsState.START);
            assertThat(client.heartbeat(BoxOptions.CANARY_PATH).isOk()).isTrue();
        }
    }

    @Test
    void aKilledProcessIsRefusedAtOnceAndARestartOnTheSamePortAnswersAgain() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults());
        try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
            assertThat(client.flowsState().isOk()).isTrue(); // leaves a pooled keep-alive connection
            long pid = box.pid();

            box.kill();

            assertThat(ProcessHandle.of(pid)).isEmpty();
            Outcome<FlowsState> state = client.flowsState();
            assertThat(state).isInstanceOf(Outcome.Refused.class);
            System.out.printf("refused after %.2f ms%n", state.latencyNanos() / 1e6);
            assertThat(state.latencyMillis()).isLessThan(200);
            assertThat(client.heartbeatAsync(BoxOptions.CANARY_PATH).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(Outcome.Refused.class);

            box.restart();
            box.awaitHeartbeat(Duration.ofSeconds(30));

            assertThat(box.pid()).isNotEqualTo(pid);
            assertThat(client.flowsState().value()).isEqualTo(FlowsState.START);
        }
    }

    @Test
    void aPersistedStopSurvivesARestartAndFlowsNeverServeDuringTheBoot() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults());
        try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
            client.setFlowsState(FlowsState.STOP);
            Thread.sleep(200); // Node-RED writes .config.runtime.json a few ms after answering

            box.restart();

            // Right after the listener opens, /flows/state may still say "start" (the persisted
            // state is read a moment later), so poll until the runtime has settled; the canary
            // must never answer meanwhile.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Outcome<FlowsState> state = client.flowsState();
            while (!(state.isOk() && state.value() == FlowsState.STOP) && System.nanoTime() < deadline) {
                assertThat(client.heartbeat(BoxOptions.CANARY_PATH).isOk()).as("canary served during boot").isFalse();
                Thread.sleep(20);
                state = client.flowsState();
            }
            assertThat(state.value()).isEqualTo(FlowsState.STOP);
            Thread.sleep(500);
            assertThat(client.flowsState().value()).isEqualTo(FlowsState.STOP);
            assertThat(client.heartbeat(BoxOptions.CANARY_PATH)).isInstanceOf(Outcome.NotFound.class);
        }
    }

    @Test
    void aBlockedEventLoopLooksHungUntilTheBlockEnds() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults().withFlows(TestFlows.path(TestFlows.CANARY_WITH_BLOCKER)));
        try (NodeRedClient client = NodeRedClient.create(box.endpoint().withTimeouts(Timeouts.defaults().withProbe(PROBE)))) {
            HttpResponse<String> inject = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(box.adminUrl() + "/inject/" + TestFlows.BLOCKER_INJECT_ID))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(inject.statusCode()).isEqualTo(200);
            Thread.sleep(200);

            assertHungWithinTimeout(client.flowsState());
            assertHungWithinTimeout(client.heartbeat(BoxOptions.CANARY_PATH));

            box.awaitHeartbeat(Duration.ofSeconds(10));
            assertThat(client.flowsState().value()).isEqualTo(FlowsState.START);
        }
    }

    @Test
    void aPeerThatNeverCompletesTheHandshakeIsUnreachableNotHung() throws Exception {
        // A listener whose accept queue is full: Linux drops further SYNs, so connects time out,
        // exactly as for a host that is powered off or cut off by a firewall dropping packets.
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            fillAcceptQueue(full, queued);
            var endpoint = NodeRedEndpoint.anonymous(URI.create("http://127.0.0.1:" + full.getLocalPort()))
                    .withTimeouts(Timeouts.defaults().withConnect(Duration.ofMillis(300)).withProbe(PROBE));
            try (NodeRedClient client = NodeRedClient.create(endpoint)) {
                Outcome<FlowsState> state = client.flowsState();

                assertThat(state).isInstanceOf(Outcome.Unreachable.class);
                // the kernel may fire the connect timer a few hundred µs early; latencyMillis truncates (CI saw 299)
                assertThat(state.latencyMillis()).isBetween(300L - 3, 300L + SLACK_MS);
            }
        } finally {
            for (Socket s : queued) {
                s.close();
            }
        }
    }

    private static void fillAcceptQueue(ServerSocket server, List<Socket> queued) throws Exception {
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(server.getLocalSocketAddress(), 200);
                queued.add(s);
            } catch (java.net.SocketTimeoutException full) {
                s.close();
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled up");
    }

    private static void assertHungWithinTimeout(Outcome<?> outcome) {
        System.out.printf("hung outcome after %.1f ms (probe timeout %d ms)%n", outcome.latencyNanos() / 1e6, PROBE.toMillis());
        assertThat(outcome).isInstanceOf(Outcome.Hung.class);
        assertThat(outcome.latencyMillis()).isBetween(PROBE.toMillis(), PROBE.toMillis() + SLACK_MS);
    }
}
