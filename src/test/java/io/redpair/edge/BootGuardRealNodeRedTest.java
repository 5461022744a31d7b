package io.redpair.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.testkit.NodeRedBoxes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The box kit's boot guard ({@code app/edge/redpair-boot-guard}) against real Node-RED: a box that
 * ran flows and lost power (SIGKILL) comes back with its flows stopped, and never serves its canary
 * on the way up. The control case without the guard shows the same box would have started its flows.
 */
class BootGuardRealNodeRedTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GUARD = Path.of(System.getProperty("redpair.project.dir", "."), "app/edge/redpair-boot-guard");

    @Test
    void boxThatRanFlowsAndLostPowerBootsStoppedThroughTheGuard() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults());
        box.awaitHeartbeat(Duration.ofSeconds(20));
        try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
            // persist "start" explicitly, then wait past Node-RED's asynchronous write (NODE-RED-FACTS §1)
            assertThat(client.setFlowsState(FlowsState.START).value()).isEqualTo(FlowsState.START);
            awaitPersisted(box.userDir(), "start");
        }
        String instanceId = runtimeSettings(box.userDir()).path("instanceId").asText();
        box.kill(); // power cut

        String out = runGuard(box);

        assertThat(out).contains("runtimeFlowState start -> stop");
        JsonNode after = runtimeSettings(box.userDir());
        assertThat(after.path("runtimeFlowState").asText()).isEqualTo("stop");
        assertThat(after.path("instanceId").asText()).isEqualTo(instanceId);
        assertBootsStoppedAndCanStillBeStarted(box);
    }

    @Test
    void withoutTheGuardTheSameBoxWouldHaveStartedItsFlows() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults());
        box.awaitHeartbeat(Duration.ofSeconds(20));
        box.kill();

        box.restart();

        assertThat(box.awaitHeartbeat(Duration.ofSeconds(20))).isNotNull();
    }

    @Test
    void unreadableStateFileIsKeptAsideAndReplacedWithStop() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults());
        box.awaitHeartbeat(Duration.ofSeconds(20));
        box.kill();
        Files.writeString(box.userDir().resolve(".config.runtime.json"), "{\"runtimeFlowState\":\"sta", StandardCharsets.UTF_8);
        Files.writeString(box.userDir().resolve(".config.runtime.json.backup"), "{\"runtimeFlowState\":\"start\"}");

        String out = runGuard(box);

        assertThat(out).contains("unreadable, kept as .config.runtime.json.corrupt-");
        try (var files = Files.list(box.userDir())) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith(".config.runtime.json.corrupt-"))).hasSize(1);
        }
        assertThat(JSON.readTree(box.userDir().resolve(".config.runtime.json.backup").toFile())
                .path("runtimeFlowState").asText()).isEqualTo("stop");
        assertBootsStoppedAndCanStillBeStarted(box);
    }

    @Test
    void guardRefusesAMissingUserDirWithUsage() throws Exception {
        Process p = new ProcessBuilder(GUARD.toString(), "/nonexistent/redpair-userdir").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("usage: redpair-boot-guard");
    }

    /** Restarts the box and watches its canary from the first moment: it must never answer 200. */
    private static void assertBootsStoppedAndCanStillBeStarted(NodeRedProcess box) throws Exception {
        box.restart();
        try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            boolean sawStop = false;
            int polls = 0;
            while (System.nanoTime() < until && !sawStop) {
                assertThat(client.heartbeat(BoxOptions.CANARY_PATH)).isNotInstanceOf(Outcome.Ok.class);
                Outcome<FlowsState> s = client.flowsState();
                sawStop = s.isOk() && s.value() == FlowsState.STOP;
                polls++;
                Thread.sleep(20);
            }
            assertThat(sawStop).as("box reports stop after %d polls", polls).isTrue();
            // stays stopped for a while: the flows were not merely slow to start
            long settle = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            while (System.nanoTime() < settle) {
                assertThat(client.heartbeat(BoxOptions.CANARY_PATH)).isInstanceOf(Outcome.NotFound.class);
                Thread.sleep(50);
            }
            // unlike runtimeFlowState in settings.js, the guard does not lock the box: RedPair can start it
            assertThat(client.setFlowsState(FlowsState.START).value()).isEqualTo(FlowsState.START);
            assertThat(box.awaitHeartbeat(Duration.ofSeconds(20))).isNotNull();
        }
    }

    private static String runGuard(NodeRedProcess box) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(GUARD.toString(), box.userDir().toString()).redirectErrorStream(true);
        pb.environment().put("REDPAIR_NODE", box.installation().nodeExecutable());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static void awaitPersisted(Path userDir, String state) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until) {
            if (state.equals(runtimeSettings(userDir).path("runtimeFlowState").asText())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Node-RED did not persist runtimeFlowState=" + state);
    }

    private static JsonNode runtimeSettings(Path userDir) throws IOException {
        Path f = userDir.resolve(".config.runtime.json");
        return Files.exists(f) ? JSON.readTree(f.toFile()) : JSON.createObjectNode();
    }
}
