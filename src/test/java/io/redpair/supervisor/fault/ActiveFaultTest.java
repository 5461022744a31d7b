package io.redpair.supervisor.fault;

import static io.redpair.supervisor.fault.FaultLab.PAIR;
import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.Mode;
import io.redpair.failover.PairState;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.ObserverReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Faults of the active box, with real Node-RED and the independent observer (docs/testing.md). */
class ActiveFaultTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    private static final Duration SETTLE = Duration.ofSeconds(15);

    static boolean protectedBy(PairState s, BoxId box) {
        return s.mode() == Mode.PROTECTED && s.active() == box;
    }

    static boolean runningOn(PairState s, BoxId box) {
        return (s.mode() == Mode.PROTECTED || s.mode() == Mode.UNPROTECTED) && s.active() == box;
    }

    @Test
    void sigkillOfTheActiveFailsOverToTheSpare() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            long epoch = lab.state().epoch();
            long fault = lab.observer.mark("SIGKILL A");
            lab.a.kill();
            PairState end = lab.await("running on B", s -> runningOn(s, BoxId.B), SETTLE);
            assertThat(end.epoch()).isGreaterThan(epoch);
            assertThat(lab.observer.awaitServing("B", fault, 5_000)).isTrue();
            ObserverReport r = lab.assertNoDualActive("sigkill");
            OptionalLong mttr = r.mttrMillis(fault, "B");
            System.out.printf("[sigkill] MTTR %d ms (deadline %d ms)%n", mttr.getAsLong(), FaultLab.POLICY.deadlineMs());
            assertThat(mttr.getAsLong()).isLessThan(10_000);
        }
    }

    @Test
    void sigstopShorterThanTheDeadlineCausesNoFailover() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            long epoch = lab.state().epoch();
            lab.a.freeze();
            TimeUnit.MILLISECONDS.sleep(FaultLab.POLICY.deadlineMs() / 2);
            lab.a.thaw();
            lab.hold("A stays active, epoch unchanged", s -> s.active() == BoxId.A && s.epoch() == epoch
                    && s.mode() != Mode.FAILING_OVER, Duration.ofSeconds(3));
            assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
            assertThat(lab.observer.report().firstServingAfter("B", 0)).isEmpty();
            lab.assertNoDualActive("sigstop-short");
        }
    }

    @Test
    void sigstopLongerThanTheDeadlineNeedsTheOperatorAndNeverPromotes() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            lab.a.freeze();
            try {
                lab.await("operator needed", s -> s.mode() == Mode.OPERATOR_NEEDED, SETTLE);
                lab.hold("no promotion while A is frozen", s -> s.mode() == Mode.OPERATOR_NEEDED,
                        Duration.ofSeconds(2));
            } finally {
                lab.a.thaw();
            }
            lab.await("protected by A again", s -> protectedBy(s, BoxId.A), SETTLE);
            assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
            assertThat(lab.observer.report().firstServingAfter("B", 0)).isEmpty();
            lab.assertNoDualActive("sigstop-long");
        }
    }

    /**
     * The operator confirms "A is off" while A is only frozen. B takes over; when A runs again its flows resume
     * until stopped. In API-only mode (no arbiter fence) this window cannot be zero: it is measured and printed,
     * and must stay below one probe period plus a stop. RedPair parks a stop request at the frozen A so that
     * it is among the first things A handles when it runs again.
     */
    @Test
    void operatorOverrideWhileTheOldActiveIsFrozenStopsItTheMomentItAnswersAgain() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            lab.a.freeze();
            long thaw;
            try {
                lab.await("operator needed", s -> s.mode() == Mode.OPERATOR_NEEDED, SETTLE);
                ControlResponse r = lab.supervisor.handle(new ControlRequest(null, ControlRequest.FAILOVER, PAIR, null,
                        null, null, true, "test: operator believes A is off", "tester", "lab"));
                assertThat(r.outcome()).as(r.message()).isEqualTo(ControlResponse.Outcome.OK);
                lab.await("running on B", s -> runningOn(s, BoxId.B), SETTLE);
                assertThat(lab.observer.awaitServing("B", 0, 5_000)).isTrue();
                TimeUnit.MILLISECONDS.sleep(500); // the parked stop is in A's socket
            } finally {
                thaw = lab.observer.mark("SIGCONT A");
                lab.a.thaw();
            }
            lab.hold("B stays active", s -> s.active() == BoxId.B, Duration.ofSeconds(3));
            ObserverReport r = lab.observer.report();
            OptionalLong firstA = r.firstServingAfter("A", thaw);
            OptionalLong lastA = r.lastServingBefore("A", Long.MAX_VALUE);
            double afterThaw = firstA.isEmpty() ? 0 : (lastA.getAsLong() - firstA.getAsLong()) / 1e6;
            System.out.printf("[override-frozen] A seen serving after SIGCONT: %s; window %.1f ms; overlap %.1f ms%n",
                    firstA.isPresent() ? "yes" : "no", afterThaw, r.overlapMillis("A", "B"));
            assertThat(r.servingNow("A")).isFalse();
            assertThat(r.servingNow("B")).isTrue();
            assertThat(afterThaw).as("A's flows must stop within one probe period plus a stop")
                    .isLessThan(FaultLab.POLICY.intervalMs() + 500.0);
            lab.assertNoDualActive("override-frozen");
        }
    }
}
