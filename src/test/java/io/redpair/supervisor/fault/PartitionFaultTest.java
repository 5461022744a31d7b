package io.redpair.supervisor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.arbiter.Selection;
import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.failover.PairState;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.testkit.NamespaceObserver;
import io.redpair.testkit.NetworkNamespaces;
import io.redpair.testkit.NetworkNamespaces.BoxLink;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.ObserverReport;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network partitions with real parts: each Node-RED box runs in a network namespace of its own, joined to the
 * console (this JVM: supervisor, journal, arbiter link) by a veth pair; a cut drops every packet silently
 * (blackhole qdisc on both veth ends), so the console sees timeouts, as with a dead switch port. The
 * independent observer polls each box from INSIDE its namespace, so it still sees the box serving while the
 * console cannot reach it. Where the arbiter is used it is the simulator on a real pty; its power relay
 * SIGKILLs a fenced box and the heartbeat lines follow the boxes' processes (a cut-off box still beats).
 *
 * <p>Needs root (namespaces, veth, tc): a non-root run fails with a message, never skips. Every test asserts
 * overlap 0 from the observer and the end state. Policy: 250 ms × 4 (deadline 1 s), as shipped.
 */
class PartitionFaultTest {

    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Policy ARBITER = new Policy(250, 4, true, 600, 3000, Policy.Fencing.ARBITER);
    private static final Policy API_ONLY = new Policy(250, 4, true, 600, 3000, Policy.Fencing.API_ONLY);

    @RegisterExtension
    static final NodeRedBoxes boxes = new NodeRedBoxes();

    @RegisterExtension
    final NetworkNamespaces namespaces = new NetworkNamespaces();

    @TempDir
    Path dir;
    BoxLink linkA;
    BoxLink linkB;
    FaultLab lab;
    ArbiterLab arb;
    /** Supervisor events with this JVM's monotonic arrival time, for the phase figures. */
    final List<Stamped> stamped = new CopyOnWriteArrayList<>();

    record Stamped(long nanos, SupervisorEvent event) {
    }

    /** Two boxes in namespaces of their own, the in-namespace observer, the supervisor (and the arbiter). */
    private void start(Policy policy) throws Exception {
        linkA = namespaces.create();
        linkB = namespaces.create();
        lab = FaultLab.start(boxes, dir, BoxOptions.defaults().withNetwork(linkA.network()),
                BoxOptions.defaults().withNetwork(linkB.network()), policy);
        NamespaceObserver observer = NamespaceObserver.start(lab.a.installation().nodeExecutable(), dir.resolve("observer"),
                Map.of("A", Map.entry(linkA, FaultLab.canary(lab.a)), "B", Map.entry(linkB, FaultLab.canary(lab.b))));
        assertThat(observer.clockSkewNanos()).as("observer samples are on this JVM's monotonic clock (ns)")
                .isNotPositive().isGreaterThan(-5_000_000_000L);
        lab.observe(observer);
        if (policy.fencing() == Policy.Fencing.ARBITER) {
            arb = ArbiterLab.start(dir, lab);
            lab.superviseWithArbiter(arb.newPort());
        } else {
            lab.supervise();
        }
        lab.supervisor.subscribe(Runnable::run, e -> stamped.add(new Stamped(System.nanoTime(), e)));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (lab != null) {
            lab.close();
        }
        if (arb != null) {
            arb.close();
        }
    }

    private static boolean protectedBy(PairState s, BoxId box) {
        return s.mode() == Mode.PROTECTED && s.active() == box;
    }

    private static boolean protectedByAWithArbiter(PairState s) {
        return protectedBy(s, BoxId.A) && s.arbiter().linkUp() && s.arbiter().selected() == BoxId.A;
    }

    private static boolean runningOnB(PairState s) {
        return s.active() == BoxId.B && s.step() == FailoverStep.NONE && s.condition(BoxId.B) == BoxCondition.RUNNING_FLOWS;
    }

    /** Console ↔ active cut, fencing: arbiter. A is alive (its heartbeat line beats) but unreachable: fence, then B. */
    @Test
    void activeCutOffWithArbiterIsFencedAndTheSpareTakesOver() throws Exception {
        start(ARBITER);
        PairState before = lab.await("protected by A, outputs on A", PartitionFaultTest::protectedByAWithArbiter, SETTLE);
        long cut = lab.observer.mark("cut console-A");
        linkA.cut();
        assertSilentlyCut(lab.a);
        PairState s = lab.await("running on B", PartitionFaultTest::runningOnB, SETTLE);
        assertThat(lab.observer.awaitServing("B", cut, 5_000)).as("B serves (observer)").isTrue();
        assertThat(s.epoch()).isEqualTo(before.epoch() + 1);
        assertThat(arb.sim.fenced(BoxId.A)).as("A fenced by the arbiter").isTrue();
        assertThat(arb.sim.selected()).isEqualTo(Selection.B);
        assertThat(arb.sim.epoch()).isEqualTo(s.epoch());
        assertThat(ArbiterLab.alive(lab.a)).as("A powered off by the fence").isFalse();
        assertThat(lab.timeline()).as("decided on 'alive but unreachable', not on a dead box")
                .contains("alive but unreachable");
        ObserverReport r = lab.assertNoDualActive("partition-arbiter");
        assertThat(r.lastServingBefore("A", Long.MAX_VALUE).orElseThrow()).as("A served after the cut (seen from"
                + " inside its namespace): the box was alive, only the link was cut").isGreaterThan(cut + 500_000_000L);
        printPhases("partition-arbiter", cut, r);
        linkA.heal();
        lab.hold("B stays active after the heal", x -> x.active() == BoxId.B && x.epoch() == s.epoch()
                && x.condition(BoxId.B) == BoxCondition.RUNNING_FLOWS, Duration.ofSeconds(2));
        assertExactlyOneServing(BoxId.B);
        lab.assertNoDualActive("partition-arbiter");
    }

    /** Console ↔ active cut, fencing: api-only. Nothing can confirm A is off: no promotion, OPERATOR_NEEDED. */
    @Test
    void activeCutOffWithoutArbiterNeedsTheOperatorAndNeverPromotes() throws Exception {
        start(API_ONLY);
        PairState before = lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
        long cut = lab.observer.mark("cut console-A");
        linkA.cut();
        PairState s = lab.await("operator needed", x -> x.mode() == Mode.OPERATOR_NEEDED, SETTLE);
        long needed = System.nanoTime();
        lab.hold("no promotion without a fence", x -> x.mode() == Mode.OPERATOR_NEEDED && x.active() == BoxId.A
                && x.epoch() == before.epoch(), Duration.ofSeconds(3));
        System.out.printf("[partition-api-only] cut -> OPERATOR_NEEDED %d ms: %s%n", (needed - cut) / 1_000_000, s.reason());
        ObserverReport r = lab.observer.report();
        assertThat(r.firstServingAfter("B", 0)).as("B never served").isEmpty();
        assertThat(r.lastServingBefore("A", Long.MAX_VALUE).orElseThrow()).as("A kept serving behind the cut")
                .isGreaterThan(needed);
        assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
        assertThat(lab.commandIssued("stop-flows", BoxId.A)).as("no stop reached A").isFalse();
        linkA.heal();
        lab.await("recovered: protected by A", x -> protectedBy(x, BoxId.A), SETTLE);
        assertThat(lab.state().epoch()).isEqualTo(before.epoch());
        assertExactlyOneServing(BoxId.A);
        lab.assertNoDualActive("partition-api-only");
    }

    /** The console is cut from both boxes: it suspects its own network and does nothing, though a fence is at hand. */
    @Test
    void consoleCutFromBothBoxesTakesNoAction() throws Exception {
        start(ARBITER);
        PairState before = lab.await("protected by A, outputs on A", PartitionFaultTest::protectedByAWithArbiter, SETTLE);
        int commandsBefore = commandCount();
        long cut = lab.observer.mark("cut console-A and console-B");
        linkA.cut();
        linkB.cut();
        lab.await("suspects itself", x -> x.mode() == Mode.SUSPECT && x.reason().contains("cannot see either box"), SETTLE);
        System.out.printf("[partition-both] cut -> SUSPECT (both out of sight) %d ms%n", (System.nanoTime() - cut) / 1_000_000);
        lab.hold("no action while both are out of sight", x -> x.active() == BoxId.A && x.epoch() == before.epoch()
                && x.step() == FailoverStep.NONE, Duration.ofSeconds(4));
        assertThat(commandCount()).as("no stop, start, fence or select\n" + lab.timeline()).isEqualTo(commandsBefore);
        long parked = lab.events.stream().filter(e -> e instanceof SupervisorEvent.CommandFinished c
                && c.command().equals("parked-stop")).count();
        System.out.printf("[partition-both] parked stops at the spare B (ADR 0043, harmless: B is stopped): %d%n", parked);
        assertThat(arb.sim.fenced(BoxId.A) || arb.sim.fenced(BoxId.B)).isFalse();
        assertThat(arb.sim.selected()).isEqualTo(Selection.A);
        linkA.heal();
        linkB.heal();
        lab.await("protected by A again", x -> protectedBy(x, BoxId.A), SETTLE);
        assertThat(lab.state().epoch()).isEqualTo(before.epoch());
        assertThat(lab.observer.report().firstServingAfter("B", 0)).as("B never served").isEmpty();
        assertExactlyOneServing(BoxId.A);
        lab.assertNoDualActive("partition-both");
    }

    /**
     * The console ↔ active link flaps: cut 300 ms, healed 500 ms, twelve times: each cycle (0.8 s) is shorter
     * than the 1 s deadline, so A is never out of sight for the deadline plus the suspect window: no failover,
     * no fence, epoch unchanged. (A link down 70 % of the time, 0.7 s cut / 0.3 s healed, is a failed link:
     * RedPair fenced A after a few cycles in a trial run, with overlap 0; docs/failover.md.)
     */
    @Test
    void linkFlappingFasterThanTheDeadlineCausesNoFailover() throws Exception {
        start(ARBITER);
        PairState before = lab.await("protected by A, outputs on A", PartitionFaultTest::protectedByAWithArbiter, SETTLE);
        int commandsBefore = commandCount();
        lab.observer.mark("flapping starts");
        for (int i = 0; i < 12; i++) {
            linkA.cut();
            if (i == 0) {
                assertSilentlyCut(lab.a);
            }
            TimeUnit.MILLISECONDS.sleep(Long.getLong("flap.cut", 300));
            linkA.heal();
            TimeUnit.MILLISECONDS.sleep(Long.getLong("flap.heal", 500));
            PairState s = lab.state();
            assertThat(s.active() == BoxId.A && s.epoch() == before.epoch() && s.step() == FailoverStep.NONE)
                    .as("cycle " + i + ": no takeover; state " + s + "\n" + lab.timeline()).isTrue();
        }
        lab.await("protected by A after the flapping", x -> protectedBy(x, BoxId.A), SETTLE);
        assertThat(commandCount()).as("no command during the flapping\n" + lab.timeline()).isEqualTo(commandsBefore);
        assertThat(arb.sim.fenced(BoxId.A)).isFalse();
        assertThat(lab.state().epoch()).isEqualTo(before.epoch());
        System.out.printf("[partition-flapping] conditions seen for A: %s%n", conditionsSeen(BoxId.A));
        assertExactlyOneServing(BoxId.A);
        lab.assertNoDualActive("partition-flapping");
    }

    /**
     * The link is healed the moment the failover starts (the fence is on its way; the device answers 100 ms
     * late, so the heal lands inside the fence step). Either outcome is clean: the failover completes (A fenced,
     * B runs) or it stops in OPERATOR_NEEDED with B not started (then the operator confirms A is off if it is,
     * as the alarm asks). Exactly one box serves at the end.
     */
    @Test
    void partitionHealedDuringTheFailoverEndsWithExactlyOneBoxRunning() throws Exception {
        start(ARBITER);
        lab.await("protected by A, outputs on A", PartitionFaultTest::protectedByAWithArbiter, SETTLE);
        CountDownLatch failoverStarted = new CountDownLatch(1);
        lab.supervisor.subscribe(Runnable::run, e -> {
            if (e instanceof SupervisorEvent.StateChanged c && c.to() == Mode.FAILING_OVER) {
                failoverStarted.countDown();
            }
        });
        arb.sim.setReplyDelayMs(50);
        long cut = lab.observer.mark("cut console-A");
        linkA.cut();
        assertThat(failoverStarted.await(SETTLE.toMillis(), TimeUnit.MILLISECONDS)).as("failover started\n"
                + lab.timeline()).isTrue();
        long healed = lab.observer.mark("healed console-A");
        linkA.heal();
        PairState s = lab.await("takeover over", x -> x.step() == FailoverStep.NONE && x.mode() != Mode.SUSPECT
                && (x.mode() == Mode.OPERATOR_NEEDED || runningOnB(x)), SETTLE);
        System.out.printf("[partition-heal-mid-failover] heal %d ms after the cut, during %s; outcome %s (%s)%n",
                (healed - cut) / 1_000_000, stateAt(healed), s.mode(), s.reason());
        if (s.mode() == Mode.OPERATOR_NEEDED) {
            assertThat(lab.commandIssued("start-flows", BoxId.B)).as("aborted: B never started").isFalse();
            lab.hold("aborted: stays with the operator", x -> x.mode() == Mode.OPERATOR_NEEDED, Duration.ofSeconds(2));
            operatorConfirmsAOffIfItIs();
        } else {
            assertThat(arb.sim.fenced(BoxId.A)).isTrue();
            assertThat(ArbiterLab.alive(lab.a)).as("A powered off by the fence").isFalse();
            lab.hold("B stays active", PartitionFaultTest::runningOnB, Duration.ofSeconds(2));
        }
        assertExactlyOneServing(ArbiterLab.alive(lab.a) ? BoxId.A : BoxId.B);
        lab.assertNoDualActive("partition-heal-mid-failover");
    }

    /**
     * The link comes back while RedPair waits out the suspect window (A convicted, no decision yet). A probe
     * sent into the cut may still be waiting, so either A is seen again in time (no takeover, epoch and outputs
     * unchanged) or the fence is decided first and the failover completes; both are clean. Asserted: the
     * outcome is one of these two, exactly one box serves at the end, overlap 0. The outcome is printed.
     */
    @Test
    void partitionHealedBeforeTheDecisionEndsWithExactlyOneBoxRunning() throws Exception {
        start(ARBITER);
        PairState before = lab.await("protected by A, outputs on A", PartitionFaultTest::protectedByAWithArbiter, SETTLE);
        CountDownLatch suspect = new CountDownLatch(1);
        lab.supervisor.subscribe(Runnable::run, e -> {
            if (e instanceof SupervisorEvent.StateChanged c && c.to() == Mode.SUSPECT) {
                suspect.countDown();
            }
        });
        long cut = lab.observer.mark("cut console-A");
        linkA.cut();
        assertThat(suspect.await(SETTLE.toMillis(), TimeUnit.MILLISECONDS)).as("A suspected\n" + lab.timeline()).isTrue();
        long healed = lab.observer.mark("healed console-A");
        linkA.heal();
        PairState s = lab.await("settled", x -> protectedBy(x, BoxId.A) || runningOnB(x), SETTLE);
        System.out.printf("[partition-heal-in-suspect-window] heal %d ms after the cut, during %s; outcome %s %s (%s)%n",
                (healed - cut) / 1_000_000, stateAt(healed), s.mode(), s.active(), s.reason());
        if (s.active() == BoxId.A) {
            lab.hold("A stays the active", x -> protectedBy(x, BoxId.A) && x.epoch() == before.epoch(),
                    Duration.ofSeconds(2));
            assertThat(arb.sim.fenced(BoxId.A)).isFalse();
            assertThat(arb.sim.selected()).isEqualTo(Selection.A);
        } else {
            assertThat(arb.sim.fenced(BoxId.A)).isTrue();
            assertThat(ArbiterLab.alive(lab.a)).as("A powered off by the fence").isFalse();
        }
        assertExactlyOneServing(s.active());
        lab.assertNoDualActive("partition-heal-in-suspect-window");
    }

    /**
     * After an abort the operator looks at A: if the fence took effect although it was not confirmed (A serves
     * nothing, seen by the observer), they confirm "A is off" and RedPair starts B; if A still runs, nothing.
     */
    private void operatorConfirmsAOffIfItIs() throws InterruptedException {
        if (lab.observer.report().servingNow("A")) {
            return;
        }
        ControlResponse r = lab.supervisor.handle(new ControlRequest(null, ControlRequest.FAILOVER, FaultLab.PAIR, null,
                null, null, true, "test: A is dark (fenced, fence not confirmed)", "tester", "lab"));
        assertThat(r.outcome()).as(r.message()).isEqualTo(ControlResponse.Outcome.OK);
        lab.await("running on B after the operator's confirmation", PartitionFaultTest::runningOnB, SETTLE);
    }

    /** The console's own connection attempt to a cut box times out (no refusal, no reset): the cut is real and silent. */
    private static void assertSilentlyCut(NodeRedProcess box) {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(box.host(), box.port()), 150);
            }
        }).isInstanceOf(SocketTimeoutException.class);
        assertThat(System.nanoTime() - t0).as("waited for the timeout").isGreaterThanOrEqualTo(140_000_000L);
    }

    /** The observer, from inside the namespaces, sees exactly {@code box} serving now. */
    private void assertExactlyOneServing(BoxId box) throws InterruptedException {
        String name = box.name();
        String other = box.other().name();
        long now = lab.observer.mark("final check");
        assertThat(lab.observer.awaitServing(name, now, 5_000)).as(name + " serves at the end").isTrue();
        TimeUnit.MILLISECONDS.sleep(100);
        ObserverReport r = lab.observer.report();
        assertThat(r.servingNow(name)).as(name + " serves at the end").isTrue();
        assertThat(r.servingNow(other)).as(other + " does not serve at the end").isFalse();
        assertThat(r.firstServingAfter(other, now)).as(other + " did not serve during the final check").isEmpty();
    }

    /**
     * Commands that act on the pair: stops, starts, fences, output switches. Not counted: a parked stop at the
     * spare (ADR 0043: a stop kept waiting at a non-active box that cannot be seen; stopping a box that is
     * not the active is always safe), asserted separately to target only the spare.
     */
    private int commandCount() {
        assertThat(lab.events).noneMatch(e -> e instanceof SupervisorEvent.CommandFinished c
                && c.command().equals("parked-stop") && c.box() == BoxId.A);
        return (int) lab.events.stream().filter(e -> e instanceof SupervisorEvent.CommandFinished c
                && !c.command().equals("parked-stop")).count();
    }

    private List<BoxCondition> conditionsSeen(BoxId box) {
        return stamped.stream().map(Stamped::event).filter(e -> e instanceof SupervisorEvent.BoxConditionChanged c
                && c.box() == box).map(e -> ((SupervisorEvent.BoxConditionChanged) e).to()).toList();
    }

    /** The pair's mode and takeover step at {@code nanos}, from the published state changes. */
    private String stateAt(long nanos) {
        String state = "?";
        for (Stamped s : stamped) {
            if (s.nanos() <= nanos && s.event() instanceof SupervisorEvent.StateChanged c) {
                state = c.to() + "/" + c.step();
            }
        }
        return state;
    }

    /** Cut → A convicted, failover decided, fence confirmed, B started, B's first answer (observer). */
    private void printPhases(String test, long cut, ObserverReport r) {
        long convicted = first(cut, e -> e instanceof SupervisorEvent.BoxConditionChanged c && c.box() == BoxId.A
                && c.to().vanished());
        long decided = first(cut, e -> e instanceof SupervisorEvent.StateChanged c && c.to() == Mode.FAILING_OVER);
        long fenced = first(cut, e -> e instanceof SupervisorEvent.CommandFinished c && c.box() == BoxId.A && c.ok()
                && c.command().contains("fence"));
        long selected = first(cut, e -> e instanceof SupervisorEvent.CommandFinished c && c.box() == BoxId.B && c.ok()
                && c.command().contains("select"));
        long started = first(cut, e -> e instanceof SupervisorEvent.CommandFinished c && c.box() == BoxId.B && c.ok()
                && c.command().equals("start-flows"));
        long served = r.firstServingAfter("B", cut).orElse(-1);
        System.out.printf("[%s] from the cut: A out of sight %s, failover decided %s, fence confirmed %s,"
                        + " outputs on B %s, B started %s, B first served (observer) %s; A's last answer %s%n", test,
                ms(convicted, cut), ms(decided, cut), ms(fenced, cut), ms(selected, cut), ms(started, cut), ms(served, cut),
                ms(r.lastServingBefore("A", Long.MAX_VALUE).orElse(-1), cut));
    }

    private long first(long after, Predicate<SupervisorEvent> which) {
        return stamped.stream().filter(s -> s.nanos() >= after && which.test(s.event())).mapToLong(Stamped::nanos)
                .findFirst().orElse(-1);
    }

    private static String ms(long nanos, long from) {
        return nanos < 0 ? "-" : (nanos - from) / 1_000_000 + " ms";
    }
}
