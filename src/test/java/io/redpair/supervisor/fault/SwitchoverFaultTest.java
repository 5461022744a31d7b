package io.redpair.supervisor.fault;

import static io.redpair.supervisor.fault.ActiveFaultTest.protectedBy;
import static io.redpair.supervisor.fault.FaultLab.PAIR;
import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.BoxId;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.ObserverReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SwitchoverFaultTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    @Test
    void plannedSwitchoverAndBackHasAMeasuredGapAndNoOverlap() throws Exception {
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise()) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), Duration.ofSeconds(15));
            long epoch = lab.state().epoch();
            long request = lab.observer.mark("switchover to B");
            ControlResponse r = lab.supervisor.handle(new ControlRequest(null, ControlRequest.SWITCHOVER, PAIR, "B",
                    null, null, null, null, "tester", "lab"));
            assertThat(r.outcome()).as(r.message()).isEqualTo(ControlResponse.Outcome.OK);
            lab.await("protected by B", s -> protectedBy(s, BoxId.B), Duration.ofSeconds(30));
            assertThat(lab.state().epoch()).isGreaterThan(epoch);
            assertThat(lab.observer.awaitServing("B", request, 5_000)).isTrue();

            long back = lab.observer.mark("switchover back to A");
            r = lab.supervisor.handle(new ControlRequest(null, ControlRequest.SWITCHOVER, PAIR, null, null, null, null,
                    null, "tester", "lab"));
            assertThat(r.outcome()).as(r.message()).isEqualTo(ControlResponse.Outcome.OK);
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), Duration.ofSeconds(30));
            assertThat(lab.observer.awaitServing("A", back, 5_000)).isTrue();

            ObserverReport report = lab.assertNoDualActive("switchover");
            OptionalLong gapToB = report.gapMillis("A", "B", request);
            OptionalLong gapToA = report.gapMillis("B", "A", back);
            System.out.printf("[switchover] gap A->B %d ms, B->A %d ms (observer resolution ~%d ms)%n",
                    gapToB.getAsLong(), gapToA.getAsLong(), io.redpair.testkit.Observer.PERIOD_NANOS / 1_000_000);
            assertThat(gapToB.getAsLong()).isLessThan(5_000);
        }
    }
}
