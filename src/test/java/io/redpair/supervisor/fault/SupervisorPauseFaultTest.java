package io.redpair.supervisor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.testkit.LabSiteFile;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.Observer;
import io.redpair.testkit.ObserverReport;
import io.redpair.testkit.SuperviseProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * RedPair itself is paused (SIGSTOP of the supervise JVM, like a GC pause or a laptop sleep) for three deadlines
 * while both boxes are healthy. On SIGCONT every box looks silent for the length of the pause; the local-pause
 * guard must notice, re-baseline and convict nobody.
 */
class SupervisorPauseFaultTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    @Test
    void aPausedSupervisorConvictsNobodyWhenItRunsAgain() throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults());
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withBootStopped(true));
        Path site = LabSiteFile.write(dir, a, b, true, 10_000);
        try (Observer observer = Observer.start(Map.of("A", FaultLab.canary(a), "B", FaultLab.canary(b)));
             SuperviseProcess supervise = SuperviseProcess.start(site, "supervise.log")) {
            supervise.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), Duration.ofSeconds(30));
            supervise.signal("STOP");
            TimeUnit.SECONDS.sleep(3);
            supervise.signal("CONT");
            supervise.await("local pause noticed", e -> "local-pause".equals(e.path("type").asText()),
                    Duration.ofSeconds(10));
            TimeUnit.SECONDS.sleep(3);
            assertThat(supervise.events(e -> "state".equals(e.path("type").asText())
                    && !"PROTECTED".equals(e.path("to").asText()))).as(supervise.dump()).isEmpty();
            assertThat(supervise.events(e -> "command".equals(e.path("type").asText()))).as(supervise.dump()).isEmpty();
            ObserverReport r = observer.report();
            assertThat(r.servingNow("A")).isTrue();
            assertThat(r.firstServingAfter("B", 0)).isEmpty();
            assertThat(r.overlapMillis("A", "B")).isZero();
        }
    }
}
