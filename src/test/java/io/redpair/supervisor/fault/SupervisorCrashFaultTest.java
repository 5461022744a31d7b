package io.redpair.supervisor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.supervisor.control.ControlClient;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.testkit.LabSiteFile;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.SuperviseProcess;
import io.redpair.testkit.Observer;
import io.redpair.testkit.ObserverReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RedPair itself is SIGKILLed (a separate {@code supervise} JVM) right after each step of a takeover and
 * started again: it must reconcile from the journal and the boxes' real state and never leave two boxes
 * running flows.
 */
class SupervisorCrashFaultTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    private static final Duration SETTLE = Duration.ofSeconds(30);

    private NodeRedProcess a;
    private NodeRedProcess b;
    private Path site;

    /** A running flows, B a spare booted stopped, their site file, and the observer on both canaries. */
    private Observer startPairAndObserve() throws Exception {
        a = boxes.start(BoxOptions.defaults());
        b = boxes.start(BoxOptions.defaults().withBootStopped(true));
        site = LabSiteFile.write(dir, a, b, true, 10_000); // a JVM restarted under load needs time to hear both
        return Observer.start(Map.of("A", FaultLab.canary(a), "B", FaultLab.canary(b)));
    }

    /** Kill points of a planned switchover A → B: decided (epoch journalled), A stopped, B started. */
    @ParameterizedTest
    @ValueSource(strings = {"decided", "stopped-A", "started-B"})
    void killedDuringASwitchoverRedPairReconcilesToExactlyOneActive(String killPoint) throws Exception {
        try (Observer observer = startPairAndObserve()) {
            try (SuperviseProcess first = SuperviseProcess.start(site, "supervise-1.log")) {
                first.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), SETTLE);
                ControlResponse r = ControlClient.forSite(site, Duration.ofSeconds(10)).send(new ControlRequest(null,
                        ControlRequest.SWITCHOVER, "line1", "B", null, null, null, null, "tester", "lab"));
                assertThat(r.outcome()).as(r.message()).isEqualTo(ControlResponse.Outcome.OK);
                first.await(killPoint, killAt(killPoint), SETTLE);
                first.kill();
                observer.mark("RedPair SIGKILLed at " + killPoint);
            }
            try (SuperviseProcess second = SuperviseProcess.start(site, "supervise-2.log")) {
                JsonNode settled = second.await("one box active", e -> "state".equals(e.path("type").asText())
                        && ("PROTECTED".equals(e.path("to").asText()) || "UNPROTECTED".equals(e.path("to").asText())),
                        SETTLE);
                String active = settled.path("active").asText();
                assertThat(observer.awaitServing(active, 0, 10_000)).as(second.dump()).isTrue();
                Thread.sleep(1_000);
                ObserverReport report = observer.report();
                System.out.printf("[crash-%s] reconciled to %s (epoch %d); overlap %.1f ms, dual samples %d%n", killPoint,
                        active, settled.path("epoch").asLong(), report.overlapMillis("A", "B"),
                        report.dualActiveSamples("A", "B"));
                assertThat(report.overlapMillis("A", "B")).as(second.dump()).isZero();
                assertThat(report.dualActiveSamples("A", "B")).as(second.dump()).isZero();
                assertThat(report.servingNow(active)).isTrue();
                assertThat(report.servingNow(active.equals("A") ? "B" : "A")).isFalse();
            }
        }
    }

    private static Predicate<JsonNode> killAt(String killPoint) {
        switch (killPoint) {
            case "decided":
                return SuperviseProcess.state("SWITCHING_OVER", null);
            case "stopped-A":
                return SuperviseProcess.command("stop-flows", "A");
            default:
                return SuperviseProcess.command("start-flows", "B");
        }
    }

    @Test
    void killedRightAfterDecidingAFailoverRedPairFinishesItAfterRestart() throws Exception {
        try (Observer observer = startPairAndObserve()) {
            try (SuperviseProcess first = SuperviseProcess.start(site, "supervise-1.log")) {
                first.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), SETTLE);
                a.kill();
                first.await("failing over", SuperviseProcess.state("FAILING_OVER", null), SETTLE);
                first.kill();
            }
            try (SuperviseProcess second = SuperviseProcess.start(site, "supervise-2.log")) {
                second.await("running on B", e -> "state".equals(e.path("type").asText())
                        && "B".equals(e.path("active").asText())
                        && ("PROTECTED".equals(e.path("to").asText()) || "UNPROTECTED".equals(e.path("to").asText())),
                        SETTLE);
                assertThat(observer.awaitServing("B", 0, 10_000)).isTrue();
                ObserverReport report = observer.report();
                assertThat(report.overlapMillis("A", "B")).isZero();
                assertThat(report.dualActiveSamples("A", "B")).isZero();
            }
        }
    }

    /**
     * The hold-down must outlive RedPair: after an automatic failover to B, RedPair is SIGKILLed and started
     * again; B then dies inside the hold-down. Without the journalled anchor the new run would fail back
     * automatically (a crash-restart loop would defeat the hold-down); it must ask the operator instead.
     */
    @Test
    void theHoldDownOutlivesARestartOfRedPair() throws Exception {
        try (Observer observer = startPairAndObserve()) {
            try (SuperviseProcess first = SuperviseProcess.start(site, "supervise-1.log")) {
                first.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), SETTLE);
                a.kill();
                first.await("running on B", e -> "state".equals(e.path("type").asText())
                        && "B".equals(e.path("active").asText()) && "UNPROTECTED".equals(e.path("to").asText()), SETTLE);
                first.kill();
            }
            FaultLab.bootGuard(a);
            a.restart();
            try (SuperviseProcess second = SuperviseProcess.start(site, "supervise-2.log")) {
                second.await("protected by B", SuperviseProcess.state("PROTECTED", "B"), SETTLE);
                b.kill();
                JsonNode held = second.await("operator needed", SuperviseProcess.state("OPERATOR_NEEDED", null), SETTLE);
                assertThat(held.toString()).as(second.dump()).contains("hold-down");
                Thread.sleep(1_000);
                ObserverReport report = observer.report();
                assertThat(report.servingNow("A")).as("no automatic failback inside the hold-down").isFalse();
                assertThat(report.overlapMillis("A", "B")).isZero();
                assertThat(report.dualActiveSamples("A", "B")).isZero();
            }
        }
    }
}
