package io.redpair.ui.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.Mode;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteLock;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.testkit.LabSiteFile;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.SuperviseProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console attaches to a real headless {@code redpair supervise} (separate JVM) instead of starting a second
 * actor: it sees the pair through the control channel, its switchover request is carried out by that
 * supervisor, and the derived timeline shows the change.
 */
class AttachedSupervisorTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    private final AtomicReference<SiteSnapshot> latest = new AtomicReference<>();
    private final List<SupervisorEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void attachesToTheRunningSuperviseAndSwitchesOverThroughIt() throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults());
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withBootStopped(true));
        Path site = LabSiteFile.write(dir, a, b, true, 10_000);
        try (SuperviseProcess supervise = SuperviseProcess.start(site, "supervise.log")) {
            supervise.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), Duration.ofSeconds(40));
            try (SiteConnection console = SiteConnections.open(site)) {
                assertThat(console).isInstanceOf(AttachedSupervisorConnection.class);
                assertThat(console.describe()).contains("attached");
                assertThat(SiteLock.tryAcquire(site)).as("supervise still holds the site").isEmpty();
                console.subscribeSnapshots(Runnable::run, latest::set);
                console.subscribeEvents(Runnable::run, events::add);
                PairSnapshot seen = await(p -> p.mode() == Mode.PROTECTED && p.active() == BoxId.A, "Protected on A");
                assertThat(seen.boxes().get(BoxId.B).condition()).isEqualTo(BoxCondition.STANDBY_READY);

                ControlResponse r = console.send(new ControlRequest(null, ControlRequest.SWITCHOVER, "line1", "B",
                        null, null, null, "drill", "tester", "lab")).get(15, TimeUnit.SECONDS);
                assertThat(r.outcome()).as(r.message()).isEqualTo(ControlResponse.Outcome.OK);
                supervise.await("B active", e -> "state".equals(e.path("type").asText())
                        && "B".equals(e.path("active").asText()), Duration.ofSeconds(20));
                PairSnapshot after = await(p -> p.active() == BoxId.B && p.mode() == Mode.PROTECTED, "Protected on B");
                assertThat(after.timeline()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                        SupervisorEvent.StateChanged.class, s -> assertThat(s.active()).isEqualTo(BoxId.B)));
                assertThat(events).anyMatch(e -> e instanceof SupervisorEvent.StateChanged s && s.active() == BoxId.B);
            }
            supervise.kill();
        }
    }

    @Test
    void withNoSupervisorRunningTheConsoleTakesTheSiteItself() throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults());
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withBootStopped(true));
        Path site = LabSiteFile.write(dir, a, b, true);
        try (SiteConnection console = SiteConnections.open(site)) {
            assertThat(console).isInstanceOf(OwnSupervisorConnection.class);
            assertThat(SiteLock.tryAcquire(site)).as("the console holds the lock now").isEmpty();
        }
    }

    private PairSnapshot await(Predicate<PairSnapshot> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            SiteSnapshot s = latest.get();
            if (s != null && condition.test(s.pairs().get(0))) {
                return s.pairs().get(0);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("not " + what + "; last " + latest.get());
    }
}
