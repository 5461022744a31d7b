package io.redpair.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.LinkState;
import io.redpair.arbiter.Selection;
import io.redpair.check.ArbiterProbe;
import io.redpair.check.CheckItem;
import io.redpair.check.CheckReport;
import io.redpair.check.CheckStatus;
import io.redpair.check.CommissioningCheck;
import io.redpair.failover.Mode;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import io.redpair.store.Journal;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.supervisor.LinkArbiterPort;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab pair end to end, without the toolkit: real Node-RED boxes, the lab's arbiter simulator as the pair's
 * fence ({@code fencing: arbiter}, power relays wired to the boxes' processes) and the real supervisor on the lab's
 * site file. Each lab fault button ends the way its name says: kill A and power A off fail over to B with the
 * outputs, hang A is fenced (A's process loses power) before B starts, a cut arbiter cable raises the link alarm
 * and fences nothing. Closing the lab leaves no process behind.
 */
class LabPairSmokeTest {

    private static final Duration FAILOVER = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final AtomicReference<SiteSnapshot> latest = new AtomicReference<>();
    private final List<SupervisorEvent> events = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private LabPair lab;
    private SiteLock lock;
    private Journal journal;
    private Supervisor supervisor;

    private void startSupervisedLab() throws Exception {
        lab = LabPair.start(dir.resolve("lab"), line -> { });
        lock = SiteLock.tryAcquire(lab.siteFile()).orElseThrow();
        journal = Journal.open(Journal.fileFor(lab.siteFile()));
        supervisor = Supervisor.create(SiteFile.load(lab.siteFile()), journal);
        supervisor.subscribeSnapshots(executor, latest::set);
        supervisor.subscribe(executor, events::add);
        supervisor.start(NodeRedBoxPort.factory(new SecretResolver()), pair -> new LinkArbiterPort(lab.arbiterLink()));
        awaitPair(p -> p.mode() == Mode.PROTECTED && p.active() == BoxId.A, FAILOVER, "Protected on A");
        awaitTrue(() -> lab.arbiter().selected() == Selection.A, "the field outputs reconciled to A");
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (supervisor != null) {
            supervisor.close();
        }
        executor.shutdownNow();
        if (journal != null) {
            journal.close();
        }
        if (lock != null) {
            lock.close();
        }
        if (lab != null) {
            long pidA = lab.box(BoxId.A).pid();
            long pidB = lab.box(BoxId.B).pid();
            lab.close();
            assertThat(ProcessHandle.of(pidA).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(ProcessHandle.of(pidB).filter(ProcessHandle::isAlive)).as("close() stops B").isEmpty();
        }
    }

    @Test
    void theLabSiteFencesThroughItsArbiter() throws Exception {
        lab = LabPair.start(dir.resolve("lab"), line -> { });
        var pair = SiteFile.load(lab.siteFile()).pair("lab").orElseThrow();
        assertThat(pair.policy().fencing()).isEqualTo(Policy.Fencing.ARBITER);
        assertThat(pair.arbiter().serialNumber()).isEqualTo(LabArbiter.SERIAL);
        assertThat(dir.resolve("lab").resolve(LabPair.MARKER)).exists();
    }

    /** The console's lab check: the arbiter is read through the supervisor's own session, never a second one. */
    @Test
    void theCommissioningCheckReadsTheArbiterThroughTheSupervisorsSession() throws Exception {
        startSupervisedLab();
        var pair = SiteFile.load(lab.siteFile()).pair("lab").orElseThrow();
        SecretResolver secrets = new SecretResolver();
        CheckReport r = new CommissioningCheck(box -> NodeRedBoxPort.endpoint(pair, box, secrets),
                ArbiterProbe.held(lab.arbiterLink(), 3000)).run(pair);
        List<CheckItem> arbiterItems = r.items().stream().filter(i -> i.scope().equals("arbiter")
                || i.name().equals("power-sense") || i.name().equals("heartbeat-line")).toList();
        assertThat(arbiterItems).extracting(CheckItem::name)
                .contains("hello", "serial", "selection", "armable", "power-sense", "heartbeat-line");
        assertThat(arbiterItems).as(arbiterItems.toString()).allMatch(i -> i.status() == CheckStatus.PASS);
        assertThat(r.named("armable").get(0).detail()).contains("ARMED by this console's supervisor");
        assertThat(lab.arbiterLink().state()).isEqualTo(LinkState.UP);
    }

    @Test
    void killingAFailsOverToBWithTheOutputsAndTheMeasuredTimeInTheTimeline() throws Exception {
        startSupervisedLab();
        assertThat(flowsState(BoxId.B)).as("B boots as a hot spare").isEqualTo(FlowsState.STOP);
        long killedAt = System.nanoTime();
        lab.killA();
        awaitPair(p -> p.active() == BoxId.B && p.mode() == Mode.UNPROTECTED, FAILOVER, "B active");
        long observedMs = (System.nanoTime() - killedAt) / 1_000_000;
        assertThat(flowsState(BoxId.B)).isEqualTo(FlowsState.START);
        assertThat(lab.arbiter().selected()).as("field I/O moved to B").isEqualTo(Selection.B);
        PairSnapshot after = awaitPair(p -> p.timeline().stream().anyMatch(e -> e.type().equals("failover-completed")),
                Duration.ofSeconds(5), "failover-completed in the pair's timeline (what the dashboard shows)");
        String text = after.timeline().stream().filter(e -> e.type().equals("failover-completed"))
                .map(e -> ((SupervisorEvent.Noted) e).text()).findFirst().orElseThrow();
        assertThat(text).as("the timeline names the measured time").containsPattern("took \\d+ ms");
        System.out.println("lab kill A: observed " + observedMs + " ms after SIGKILL; timeline: " + text);
    }

    @Test
    void hangingAIsFencedByTheArbiterBeforeBTakesOver() throws Exception {
        startSupervisedLab();
        long pidA = lab.box(BoxId.A).pid();
        long hungAt = System.nanoTime();
        lab.hangA();
        awaitPair(p -> p.active() == BoxId.B && p.mode() == Mode.UNPROTECTED, FAILOVER, "B active after hang A");
        System.out.println("lab hang A: B active " + (System.nanoTime() - hungAt) / 1_000_000 + " ms after SIGSTOP; "
                + completedNote());
        assertThat(lab.arbiter().fenced(BoxId.A)).as("A fenced: its power relay is open").isTrue();
        assertThat(ProcessHandle.of(pidA).filter(ProcessHandle::isAlive)).as("the fence cut A's power").isEmpty();
        assertThat(lab.arbiter().selected()).isEqualTo(Selection.B);
        assertThat(flowsState(BoxId.B)).isEqualTo(FlowsState.START);
        assertThat(lab.arbiter().epoch()).as("the fence carried the takeover's epoch").isEqualTo(latest.get().pairs().get(0).epoch());

        lab.reviveA();
        assertThat(lab.arbiter().fenced(BoxId.A)).as("bring A back unfences it").isFalse();
        awaitPair(p -> p.mode() == Mode.PROTECTED && p.active() == BoxId.B, FAILOVER, "A back as B's spare");
        assertThat(flowsState(BoxId.A)).isEqualTo(FlowsState.STOP);
    }

    @Test
    void poweringAOffFailsOverToB() throws Exception {
        startSupervisedLab();
        long offAt = System.nanoTime();
        lab.powerOffA();
        awaitPair(p -> p.active() == BoxId.B && p.mode() == Mode.UNPROTECTED, FAILOVER, "B active after power A off");
        System.out.println("lab power A off: B active " + (System.nanoTime() - offAt) / 1_000_000 + " ms after the"
                + " power cut; " + completedNote());
        assertThat(lab.arbiter().selected()).isEqualTo(Selection.B);
        assertThat(flowsState(BoxId.B)).isEqualTo(FlowsState.START);
        assertThat(lab.box(BoxId.A).isAlive()).isFalse();
    }

    @Test
    void cuttingTheArbiterCableRaisesTheLinkAlarmAndFencesNothing() throws Exception {
        startSupervisedLab();
        long epoch = latest.get().pairs().get(0).epoch();
        lab.cutArbiterCable();
        awaitTrue(() -> events.stream().anyMatch(e -> e instanceof SupervisorEvent.Alarmed a
                && a.text().contains("arbiter link lost")), "the link-down alarm");
        long holdUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < holdUntil) {
            PairSnapshot p = latest.get().pairs().get(0);
            assertThat(p.active()).isEqualTo(BoxId.A);
            assertThat(p.mode()).isEqualTo(Mode.PROTECTED);
            assertThat(p.epoch()).isEqualTo(epoch);
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(lab.arbiter().fenced(BoxId.A)).isFalse();
        assertThat(lab.arbiter().fenced(BoxId.B)).isFalse();
        assertThat(lab.box(BoxId.A).isAlive()).isTrue();

        lab.reconnectArbiterCable();
        awaitTrue(() -> lab.arbiterLink().state() == LinkState.UP, "the link up again on the new cable");
    }

    /** The supervisor's "failover complete … took N ms" note, once it is in the pair's timeline. */
    private String completedNote() throws InterruptedException {
        PairSnapshot p = awaitPair(x -> x.timeline().stream().anyMatch(e -> e.type().equals("failover-completed")),
                Duration.ofSeconds(5), "failover-completed in the timeline");
        return p.timeline().stream().filter(e -> e.type().equals("failover-completed"))
                .map(e -> ((SupervisorEvent.Noted) e).text()).findFirst().orElseThrow();
    }

    private FlowsState flowsState(BoxId box) {
        try (NodeRedClient c = NodeRedClient.create(lab.box(box).endpoint())) {
            return c.flowsState().value();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + FAILOVER.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + FAILOVER.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
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

    @Test
    void aDirectoryThatIsNotTheLabsIsNeverWiped() throws Exception {
        Path foreign = dir.resolve("docs");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("precious.txt"), "keep me");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LabPair.start(foreign, l -> { }))
                .hasMessageContaining("not a RedPair lab directory");
        assertThat(foreign.resolve("precious.txt")).hasContent("keep me");
    }
}
