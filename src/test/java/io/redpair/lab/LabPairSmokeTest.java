package io.redpair.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.Mode;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.pair.BoxId;
import io.redpair.store.Journal;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteLock;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.Supervisor;
import io.redpair.supervisor.SupervisorEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab pair end to end, without the toolkit: real Node-RED boxes, the real supervisor on the lab's site file.
 * Start the lab, see Protected, kill A, see the failover in the pair's timeline with its measured time; closing
 * the lab leaves no process behind.
 */
class LabPairSmokeTest {

    @TempDir
    Path dir;

    private final AtomicReference<SiteSnapshot> latest = new AtomicReference<>();
    private final List<SupervisorEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void labStartsProtectedAndKillingAFailsOverToBWithTheMeasuredTimeInTheTimeline() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        Path labDir = dir.resolve("lab");
        LabPair lab = LabPair.start(labDir, progress::add);
        long pidA = lab.box(BoxId.A).pid();
        long pidB = lab.box(BoxId.B).pid();
        try (lab; SiteLock lock = SiteLock.tryAcquire(lab.siteFile()).orElseThrow();
             Journal journal = Journal.open(Journal.fileFor(lab.siteFile()))) {
            assertThat(progress).anyMatch(l -> l.startsWith("Box A ready in"));
            assertThat(SiteFile.load(lab.siteFile()).pair("lab")).isPresent();
            assertThat(flowsState(lab, BoxId.B)).as("B boots as a hot spare").isEqualTo(FlowsState.STOP);

            Supervisor supervisor = Supervisor.create(SiteFile.load(lab.siteFile()), journal);
            var executor = Executors.newSingleThreadExecutor();
            supervisor.subscribeSnapshots(executor, latest::set);
            supervisor.subscribe(executor, events::add);
            supervisor.start(NodeRedBoxPort.factory(new SecretResolver()));
            try {
                awaitPair(p -> p.mode() == Mode.PROTECTED && p.active() == BoxId.A, Duration.ofSeconds(30), "Protected on A");

                long killedAt = System.nanoTime();
                lab.killA();
                awaitPair(p -> p.active() == BoxId.B && p.mode() == Mode.UNPROTECTED, Duration.ofSeconds(30), "B active");
                long observedMs = (System.nanoTime() - killedAt) / 1_000_000;
                assertThat(flowsState(lab, BoxId.B)).isEqualTo(FlowsState.START);
                PairSnapshot after = awaitPair(p -> p.timeline().stream().anyMatch(e -> e.type().equals("failover-completed")),
                        Duration.ofSeconds(5), "failover-completed in the pair's timeline (what the dashboard shows)");
                SupervisorEvent completed = after.timeline().stream()
                        .filter(e -> e.type().equals("failover-completed")).findFirst().orElseThrow();
                String text = ((SupervisorEvent.Noted) completed).text();
                assertThat(text).as("the timeline names the measured time").containsPattern("took \\d+ ms");
                System.out.println("lab failover: observed " + observedMs + " ms after SIGKILL; timeline: " + text);
                assertThat(observedMs).isLessThan(10_000);
            } finally {
                supervisor.close();
                executor.shutdownNow();
            }
        }
        assertThat(ProcessHandle.of(pidA).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(pidB).filter(ProcessHandle::isAlive)).as("close() stops B").isEmpty();
        assertThat(labDir.resolve(LabPair.MARKER)).exists();
    }

    @Test
    void aDirectoryThatIsNotTheLabsIsNeverWiped() throws Exception {
        Path foreign = dir.resolve("docs");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("precious.txt"), "keep me");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LabPair.start(foreign, l -> { }))
                .hasMessageContaining("not a RedPair lab directory");
        assertThat(foreign.resolve("precious.txt")).hasContent("keep me");
    }

    private static FlowsState flowsState(LabPair lab, BoxId box) {
        try (NodeRedClient c = NodeRedClient.create(lab.box(box).endpoint())) {
            return c.flowsState().value();
        }
    }

    private PairSnapshot awaitPair(Predicate<PairSnapshot> condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            SiteSnapshot s = latest.get();
            if (s != null && condition.test(s.pairs().get(0))) {
                return s.pairs().get(0);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("not " + what + " within " + limit.toMillis() + " ms; last " + latest.get() + "\nevents " + events);
    }
}
