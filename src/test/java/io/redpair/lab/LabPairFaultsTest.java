package io.redpair.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.LinkState;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.pair.BoxId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each lab fault does to the real box and the simulated arbiter what its name says (no supervisor here: the lab's
 * own armed link is the only host), and "bring A back" returns A as a spare, never active.
 */
class LabPairFaultsTest {

    @TempDir
    Path dir;

    @Test
    void faultsActOnTheRealBoxAndReviveHoldsAsFlowsStopped() throws Exception {
        try (LabPair lab = LabPair.start(dir.resolve("lab"), line -> { })) {
            NodeRedProcess a = lab.box(BoxId.A);

            awaitStatus(lab, s -> s.state() == ArbiterStatus.ArmState.ARMED && s.heartbeatAgeA() >= 0
                    && s.heartbeatAgeA() < 500 && s.poweredA(), "armed, A powered and beating");
            lab.hangA();
            assertThat(processState(a.pid())).as("SIGSTOP leaves the process stopped").isEqualTo("T");
            assertThat(probe(a)).isNotInstanceOf(Outcome.Ok.class);
            TimeUnit.MILLISECONDS.sleep(300);
            awaitStatus(lab, s -> s.heartbeatAgeA() < 200, "a hung runtime's OS still pulses the heartbeat line");
            lab.reviveA();
            assertThat(probe(a).isOk()).as("thawed A answers again").isTrue();

            lab.stopFlowsA();
            assertThat(probe(a).value()).isEqualTo(FlowsState.STOP);

            lab.powerOffA();
            assertThat(a.isAlive()).isFalse();
            awaitStatus(lab, s -> !s.poweredA() && s.heartbeatAgeA() > 300, "power sense 0 and A's line silent");
            lab.reviveA();
            assertThat(a.isAlive()).isTrue();
            assertThat(probe(a).value()).as("a rebooted A comes back with flows held stopped").isEqualTo(FlowsState.STOP);
            awaitStatus(lab, ArbiterStatus::poweredA, "power sense back on");

            long pidB = lab.box(BoxId.B).pid();
            assertThat(lab.arbiterLink().fence(BoxId.B, lab.arbiter().epoch()).get(5, TimeUnit.SECONDS).isDone()).isTrue();
            awaitDead(pidB, "the power relay kills a fenced box's process");

            lab.cutArbiterCable();
            assertThat(lab.arbiterHostEnd().read(new byte[16], 100)).as("the host end sees the port vanish").isEqualTo(-1);
            awaitLink(lab, LinkState.DOWN);
            lab.reconnectArbiterCable();
            awaitLink(lab, LinkState.UP);
        }
    }

    private static void awaitStatus(LabPair lab, Predicate<ArbiterStatus> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ArbiterStatus last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = lab.arbiterLink().status().get(2, TimeUnit.SECONDS);
                if (condition.test(last)) {
                    return;
                }
            } catch (ExecutionException e) {
                last = null; // link not up yet
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("arbiter not " + what + "; last STATUS " + last);
    }

    private static void awaitLink(LabPair lab, LinkState want) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lab.arbiterLink().state() != want) {
            assertThat(System.nanoTime()).as("link " + want).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static void awaitDead(long pid, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static Outcome<FlowsState> probe(NodeRedProcess box) {
        try (NodeRedClient c = NodeRedClient.create(box.endpoint())) {
            return c.flowsState();
        }
    }

    private static String processState(long pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        String state;
        do {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        } while (!"T".equals(state) && System.nanoTime() < deadline);
        return state;
    }
}
