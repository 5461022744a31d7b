package io.redpair.arbiter;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.BoxId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host link against the real simulator over an in-memory cable, with real threads and real time
 * (this is the link's integration with the device rules; the timing rules themselves are unit-tested
 * in {@link RequestTrackerTest}).
 */
class ArbiterLinkInMemoryTest {

    @TempDir
    Path dir;
    final InMemoryPorts ports = new InMemoryPorts();
    final List<LinkEvent> events = new CopyOnWriteArrayList<>();
    InMemoryTransport.Cable cable;
    ArbiterSimulator sim;
    ArbiterLink link;

    @BeforeEach
    void setUp() throws Exception {
        cable = InMemoryTransport.pair("mem0");
        sim = ArbiterSimulator.start(DeviceIdentity.simulator("A0042"), dir.resolve("sim.state"), cable.device(), null);
        InMemoryTransport.Cable c = cable;
        ports.plug("mem0", () -> c.host().reopen());
        link = ArbiterLink.open(new ArbiterLinkOptions("mem0", "A0042", "WS07", 1000, 200, 100), ports);
        link.addListener(events::add, Runnable::run);
        awaitState(LinkState.UP, 3000);
    }

    @AfterEach
    void tearDown() {
        link.close();
        sim.close();
    }

    @Test
    void connectsArmsAndKeepsTheWatchdogAliveByKicking() throws Exception {
        assertThat(link.device()).get().extracting(DeviceInfo::serialNumber).isEqualTo("A0042");
        assertThat(events).filteredOn(e -> !(e instanceof LinkEvent.DeviceEvent)).first().isInstanceOf(LinkEvent.LinkUp.class);
        Thread.sleep(2500); // 2.5 watchdog periods: only KICKs keep it armed
        assertThat(sim.armState()).isEqualTo(ArbiterStatus.ArmState.ARMED);
        ArbiterStatus status = link.status().get(2, TimeUnit.SECONDS);
        assertThat(status.state()).isEqualTo(ArbiterStatus.ArmState.ARMED);
        assertThat(status.watchdogLeftMs()).isBetween(500L, 1000L);
    }

    @Test
    void failoverSequenceMovesTheOutputsAndAStaleEpochIsRefused() throws Exception {
        assertThat(link.fence(BoxId.A, 42).get(3, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Done.class);
        CommandResult select = link.select(BoxId.B, 42).get(3, TimeUnit.SECONDS);
        assertThat(select).isInstanceOfSatisfying(CommandResult.Done.class, d -> assertThat(d.reply().get("sel")).isEqualTo("B"));
        assertThat(sim.selected()).isEqualTo(Selection.B);
        assertThat(sim.fenced(BoxId.A)).isTrue();
        long actuations = sim.actuations();

        assertThat(link.select(BoxId.A, 41).get(3, TimeUnit.SECONDS)).isEqualTo(new CommandResult.StaleEpoch(42));
        assertThat(link.select(BoxId.A, 42).get(3, TimeUnit.SECONDS)).isEqualTo(new CommandResult.Interlock("FENCED"));
        assertThat(sim.actuations()).isEqualTo(actuations);
        awaitEvent(LinkEvent.StatusChanged.class, s -> s.status().selected() == Selection.B);
    }

    @Test
    void silentDeviceTakesTheLinkDownAfterThreeRetransmissionsAndCommandsReportLinkDown() throws Exception {
        sim.setSilent(true);
        long t0 = System.nanoTime();
        CommandResult r = link.select(BoxId.B, 50).get(5, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r).isInstanceOfSatisfying(CommandResult.LinkDown.class, d -> assertThat(d.outcomeUnknown()).isFalse());
        assertThat(ms).isBetween(1100L, 2500L);
        awaitState(LinkState.DOWN, 1000);
        assertThat(sim.actuations()).isZero();
        sim.setSilent(false);
        awaitState(LinkState.UP, 5000);
    }

    @Test
    void unpluggedCableIsDownAtOnceAndTheDeviceIsFoundAgainUnderANewName() throws Exception {
        long t0 = System.nanoTime();
        cable.unplug();
        ports.remove("mem0");
        awaitState(LinkState.DOWN, 500);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(500);

        InMemoryTransport.Cable other = InMemoryTransport.pair("other");
        ArbiterSimulator stranger = ArbiterSimulator.start(DeviceIdentity.simulator("B9999"), null, other.device(), null);
        ports.plug("mem-stranger", () -> other.host().reopen());
        InMemoryTransport.Cable replugged = InMemoryTransport.pair("mem7");
        sim.attach(replugged.device());
        ports.plug("mem7", () -> replugged.host().reopen());
        try {
            awaitState(LinkState.UP, 5000);
            LinkEvent.LinkUp up = (LinkEvent.LinkUp) events.stream().filter(e -> e instanceof LinkEvent.LinkUp).reduce((a, b) -> b).orElseThrow();
            assertThat(up.port()).isEqualTo("mem7");
            assertThat(up.device().serialNumber()).isEqualTo("A0042");
            assertThat(stranger.armState()).as("the stranger was asked but never armed").isEqualTo(ArbiterStatus.ArmState.DISARMED);
        } finally {
            stranger.close();
        }
    }

    @Test
    void criticalEventsAreDeliveredOnceAndAcked() throws Exception {
        sim.setSupply(BoxId.B, false);
        awaitEvent(LinkEvent.DeviceEvent.class, e -> e.event() instanceof ArbiterEvent.PowerChanged p && !p.powered());
        Thread.sleep(2500); // the device would re-send every second if the ACK were missing
        long delivered = events.stream().filter(e -> e instanceof LinkEvent.DeviceEvent d && d.event() instanceof ArbiterEvent.PowerChanged).count();
        assertThat(delivered).isEqualTo(1);
    }

    @Test
    void eventsMissedWhileDownAreReplayedFromTheLogAfterReconnect() throws Exception {
        sim.setSilent(true);
        awaitState(LinkState.DOWN, 3000);
        sim.setLocal(true);   // MODE event, sent into the void
        sim.setLocal(false);
        sim.setSilent(false);
        awaitState(LinkState.UP, 5000);
        awaitEvent(LinkEvent.DeviceEvent.class, e -> e.event() instanceof ArbiterEvent.ModeChanged m && m.local());
        awaitEvent(LinkEvent.DeviceEvent.class, e -> e.event() instanceof ArbiterEvent.ModeChanged m && !m.local());
    }

    @Test
    void garbageFromTheDeviceIsDiscardedAndTheLinkStaysUp() throws Exception {
        for (int i = 0; i < 20; i++) {
            sim.emitGarbage(500);
            assertThat(link.status().get(2, TimeUnit.SECONDS).state()).isEqualTo(ArbiterStatus.ArmState.ARMED);
        }
        assertThat(link.state()).isEqualTo(LinkState.UP);
        assertThat(events).noneMatch(e -> e instanceof LinkEvent.LinkDown);
    }

    @Test
    void repliesSlowerThanTheTimeoutAreRetransmittedWithTheSameSeqAndExecuteOnce() throws Exception {
        sim.setReplyDelayMs(400);
        CommandResult r = link.fence(BoxId.B, 7).get(5, TimeUnit.SECONDS);
        assertThat(r).isInstanceOf(CommandResult.Done.class);
        assertThat(sim.actuations()).isEqualTo(1);
        sim.setReplyDelayMs(0);
        Thread.sleep(500);
        assertThat(events.stream().filter(e -> e instanceof LinkEvent.DeviceEvent d && d.event() instanceof ArbiterEvent.Fenced).count())
                .isEqualTo(1);
    }

    @Test
    void anotherHostIsRefusedWhileThisOneHoldsTheArbiterArmedAndGetsItAfterTheWatchdog() throws Exception {
        link.close(); // closing never disarms: WS07's 1 s watchdog keeps running
        ArbiterLink laptop = ArbiterLink.open(new ArbiterLinkOptions("mem0", null, "LAPTOP", 0, 0, 100), ports);
        try {
            Thread.sleep(400);
            assertThat(laptop.state()).isNotEqualTo(LinkState.UP);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (laptop.state() != LinkState.UP && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(laptop.state()).isEqualTo(LinkState.UP);
            assertThat(sim.armState()).isEqualTo(ArbiterStatus.ArmState.HOSTLOST);
            assertThat(sim.actuations()).isZero();
        } finally {
            laptop.close();
        }
    }

    @Test
    void deviceRebootIsNoticedAndTheDeviceIsArmedAgain() throws Exception {
        sim.reboot("BOR");
        // No check for DISARMED here: over the in-memory cable the link re-arms within a few ms, before the
        // test thread could look (CI saw ARMED). That a reboot disarms is ArbiterDeviceRulesTest's job.
        awaitEvent(LinkEvent.DeviceEvent.class, e -> e.event() instanceof ArbiterEvent.Boot b && b.resetCause().equals("BOR"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (sim.armState() != ArbiterStatus.ArmState.ARMED && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sim.armState()).isEqualTo(ArbiterStatus.ArmState.ARMED);
        Thread.sleep(300);
        assertThat(events.stream().filter(e -> e instanceof LinkEvent.DeviceEvent d && d.event() instanceof ArbiterEvent.Boot b
                && b.resetCause().equals("BOR")).count()).as("delivered once despite the LOG replay").isEqualTo(1);
    }

    @Test
    void cablePulledBetweenPrepAndItsReplyEndsWithoutActuationAndWithAKnownOutcome() throws Exception {
        sim.setReplyDelayMs(250);
        java.util.concurrent.CompletableFuture<CommandResult> fence = link.fence(BoxId.A, 9);
        Thread.sleep(100); // PREP is on the wire, its reply is not
        cable.unplug();
        CommandResult r = fence.get(3, TimeUnit.SECONDS);
        assertThat(r).isEqualTo(new CommandResult.LinkDown(((CommandResult.LinkDown) r).reason(), false));
        assertThat(sim.actuations()).isZero();
        assertThat(sim.fenced(BoxId.A)).isFalse();
    }

    @Test
    void disarmIsNotUndoneByTheNextStatusPoll() throws Exception {
        assertThat(link.disarm().get(3, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Done.class);
        Thread.sleep(700); // several STATUS polls
        assertThat(sim.armState()).isEqualTo(ArbiterStatus.ArmState.DISARMED);
    }

    private void awaitState(LinkState state, long ms) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        while (link.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(link.state()).as("link state after %d ms; events %s", ms, events).isEqualTo(state);
    }

    private <T extends LinkEvent> void awaitEvent(Class<T> type, java.util.function.Predicate<T> match) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (events.stream().anyMatch(e -> type.isInstance(e) && match.test(type.cast(e)))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " in " + events);
    }
}
