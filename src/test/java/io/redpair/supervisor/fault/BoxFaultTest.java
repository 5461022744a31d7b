package io.redpair.supervisor.fault;

import static io.redpair.supervisor.fault.ActiveFaultTest.protectedBy;
import static io.redpair.supervisor.fault.ActiveFaultTest.runningOn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.redpair.failover.Mode;
import io.redpair.lab.BoxOptions;
import io.redpair.pair.BoxId;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.ObserverReport;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Faults around the boxes: event loop blocked, changes behind RedPair's back, dead spare, restarts. */
class BoxFaultTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    private static final Duration SETTLE = Duration.ofSeconds(15);

    @Test
    void eventLoopBlockedForFiveSecondsNeedsTheOperatorThenRecoversWithoutPromotion() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir, BoxOptions.defaults().withFlows(blockerFlows())).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            CompletableFuture<Integer> block = CompletableFuture.supplyAsync(() -> get(lab.a.port(), "/test/block"));
            lab.await("operator needed", s -> s.mode() == Mode.OPERATOR_NEEDED, SETTLE);
            assertThat(block.join()).isEqualTo(200);
            lab.await("protected by A again", s -> protectedBy(s, BoxId.A), SETTLE);
            assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
            lab.assertNoDualActive("event-loop-blocked");
        }
    }

    @Test
    void flowsStoppedBehindRedPairsBackAreRunningAgainOnExactlyOneBox() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            long epoch = lab.state().epoch();
            assertThat(FaultLab.setFlowsStateBehindTheBack(lab.a, "stop")).isEqualTo(200);
            long fault = lab.observer.mark("A stopped behind the back");
            var end = lab.await("a new decision with flows running", s -> s.epoch() > epoch
                    && (s.mode() == Mode.PROTECTED || s.mode() == Mode.UNPROTECTED), SETTLE);
            assertThat(lab.observer.awaitServing(end.active().name(), fault, 10_000)).as(lab.timeline()).isTrue();
            System.out.println("[stopped-behind-back] end state " + end.mode() + " active " + end.active()
                    + " epoch " + end.epoch() + "; MTTR " + lab.observer.report().mttrMillis(fault, end.active().name())
                    .getAsLong() + " ms");
            lab.assertNoDualActive("stopped-behind-back");
        }
    }

    /**
     * Split brain made by the test: B's flows started by hand while A runs. The overlap from that moment until
     * RedPair stopped B is the test's doing and is reported; after the resolution no overlap is allowed.
     */
    @Test
    void flowsStartedOnTheSpareBehindRedPairsBackAreStoppedAtOnce() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            long fault = lab.observer.mark("start B behind the back");
            assertThat(FaultLab.setFlowsStateBehindTheBack(lab.b, "start")).isEqualTo(200);
            lab.awaitVerified("stop-flows", BoxId.B, SETTLE);
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            long resolved = lab.observer.mark("resolved");
            Thread.sleep(1_000);
            ObserverReport r = lab.observer.report();
            OptionalLong lastB = r.lastServingBefore("B", Long.MAX_VALUE);
            System.out.printf("[split-brain] injected overlap %.1f ms; B served until %d ms after the injection%n",
                    r.overlapMillis("A", "B"), lastB.isEmpty() ? -1 : (lastB.getAsLong() - fault) / 1_000_000);
            assertThat(r.firstServingAfter("B", resolved)).as("B serving after the resolution").isEmpty();
            assertThat(r.servingNow("A")).isTrue();
            assertThat(lab.events).anyMatch(e -> e.type().equals("split-brain"));
        }
    }

    @Test
    void spareDeadWhenTheActiveFailsMeansNoPromotion() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            lab.b.kill();
            lab.await("unprotected: spare down", s -> s.mode() == Mode.UNPROTECTED
                    && s.condition(BoxId.B) == io.redpair.pair.BoxCondition.DOWN, SETTLE);
            lab.a.kill();
            lab.await("no box to run flows", s -> s.condition(BoxId.A) == io.redpair.pair.BoxCondition.DOWN, SETTLE);
            lab.hold("no promotion", s -> s.mode() != Mode.FAILING_OVER && s.active() != BoxId.B, Duration.ofSeconds(2));
            assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
            System.out.println("[spare-dead] end state " + lab.state());
            lab.assertNoDualActive("spare-dead");
        }
    }

    @Test
    void oldActiveRestartingAfterAFailoverStaysStandby() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            lab.a.kill();
            lab.await("running on B", s -> runningOn(s, BoxId.B), SETTLE);
            FaultLab.bootGuard(lab.a); // the edge kit's boot guard: flows stopped until RedPair decides
            lab.a.restart();
            lab.await("protected by B with A ready", s -> protectedBy(s, BoxId.B), Duration.ofSeconds(30));
            lab.hold("no failback", s -> s.active() == BoxId.B, Duration.ofSeconds(2));
            lab.assertNoDualActive("old-active-restarts");
        }
    }

    @Test
    void bothBoxesVanishingAtOnceCausesNoAction() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            long epoch = lab.state().epoch();
            lab.a.freeze();
            lab.b.freeze();
            try {
                lab.hold("no takeover while both are gone", s -> s.epoch() == epoch && s.mode() != Mode.FAILING_OVER,
                        Duration.ofSeconds(4));
            } finally {
                lab.a.thaw();
                lab.b.thaw();
            }
            lab.await("protected by A again", s -> protectedBy(s, BoxId.A), SETTLE);
            assertThat(lab.state().epoch()).isEqualTo(epoch);
            lab.assertNoDualActive("both-vanish");
        }
    }

    /** The canary plus {@code GET /test/block}, a function that busy-waits 5 s: Node-RED's event loop stands still. */
    private Path blockerFlows() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path canary = Path.of(System.getProperty("redpair.project.dir", "."), "app", "edge", "redpair-canary.json");
        ArrayNode flows = (ArrayNode) json.readTree(canary.toFile());
        flows.add(json.readTree("{\"id\":\"blk-in\",\"type\":\"http in\",\"z\":\"redpair-canary-tab\",\"url\":\"/test/block\","
                + "\"method\":\"get\",\"wires\":[[\"blk-fn\"]]}"));
        flows.add(json.readTree("{\"id\":\"blk-fn\",\"type\":\"function\",\"z\":\"redpair-canary-tab\",\"func\":"
                + "\"const end = Date.now() + 5000; while (Date.now() < end) {} msg.payload = 'done'; return msg;\","
                + "\"outputs\":1,\"timeout\":0,\"wires\":[[\"blk-out\"]]}"));
        flows.add(json.readTree("{\"id\":\"blk-out\",\"type\":\"http response\",\"z\":\"redpair-canary-tab\",\"wires\":[]}"));
        Path file = dir.resolve("blocker-flows.json");
        Files.writeString(file, flows.toPrettyString());
        return file;
    }

    private static int get(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setReadTimeout(30_000);
            int code = c.getResponseCode();
            c.getInputStream().readAllBytes();
            return code;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
