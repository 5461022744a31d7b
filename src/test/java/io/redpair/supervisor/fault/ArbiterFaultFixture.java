package io.redpair.supervisor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.failover.PairState;
import io.redpair.lab.BoxOptions;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import io.redpair.store.JournalEntry;
import io.redpair.testkit.NodeRedBoxes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every arbiter fault test starts from: a {@link FaultLab} (two real Node-RED boxes, the observer, an
 * in-process supervisor with a real journal) under {@code fencing: arbiter}, and its {@link ArbiterLab} (the
 * simulator behind a real socat pty, wired to the boxes' power and heartbeat lines).
 */
abstract class ArbiterFaultFixture {

    static final Duration SETTLE = Duration.ofSeconds(20);
    /** The shipped 250 ms × 4 deadline, hold-down 600 s, start-up grace 3 s, fenced by the arbiter. */
    static final Policy ARBITER = new Policy(250, 4, true, 600, 3000, Policy.Fencing.ARBITER);

    @RegisterExtension
    static final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;
    FaultLab lab;
    ArbiterLab arb;

    @BeforeEach
    void setUp() throws Exception {
        lab = FaultLab.start(boxes, dir, BoxOptions.defaults(), ARBITER);
        arb = ArbiterLab.start(dir, lab);
        lab.observe().superviseWithArbiter(arb.newPort());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (lab != null) {
            lab.close();
        }
        arb.close();
    }

    /** Waits for the device (the simulator's own state, not RedPair's view of it) to satisfy {@code condition}. */
    void awaitDevice(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < until).as(what + "\n" + lab.timeline()).isTrue();
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** The device is ARMED by RedPair (after a reboot or HOSTLOST: re-HELLOed and re-armed). */
    void awaitArmed() throws InterruptedException {
        awaitDevice("the device armed by RedPair", () -> arb.sim.armState() == ArbiterStatus.ArmState.ARMED);
    }

    /** Waits for an {@code arbiter} note in the journal that satisfies {@code text}. */
    void awaitArbiterNote(String what, Predicate<String> text) throws InterruptedException {
        lab.await(what + " journalled", s -> lab.journalled(JournalEntry.Kind.NOTE, "arbiter").stream().anyMatch(text),
                SETTLE);
    }

    static boolean protectedBy(PairState s, BoxId active) {
        return s.mode() == Mode.PROTECTED && s.active() == active && s.arbiter().linkUp();
    }

    static boolean protectedByA(PairState s) {
        return protectedBy(s, BoxId.A);
    }

    /** The takeover to {@code box} is over and its flows run. */
    static boolean runningOn(PairState s, BoxId box) {
        return s.active() == box && s.step() == FailoverStep.NONE && s.condition(box) == BoxCondition.RUNNING_FLOWS;
    }
}
