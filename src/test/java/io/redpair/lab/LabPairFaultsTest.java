package io.redpair.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.pair.BoxId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each lab fault does to the real box what its name says, and "bring A back" returns A as a spare, never active. */
class LabPairFaultsTest {

    @TempDir
    Path dir;

    @Test
    void faultsActOnTheRealBoxAndReviveHoldsAsFlowsStopped() throws Exception {
        try (LabPair lab = LabPair.start(dir.resolve("lab"), line -> { })) {
            NodeRedProcess a = lab.box(BoxId.A);

            lab.hangA();
            assertThat(processState(a.pid())).as("SIGSTOP leaves the process stopped").isEqualTo("T");
            assertThat(probe(a)).isNotInstanceOf(Outcome.Ok.class);
            lab.reviveA();
            assertThat(probe(a).isOk()).as("thawed A answers again").isTrue();

            lab.stopFlowsA();
            assertThat(probe(a).value()).isEqualTo(FlowsState.STOP);

            lab.powerOffA();
            assertThat(a.isAlive()).isFalse();
            lab.reviveA();
            assertThat(a.isAlive()).isTrue();
            assertThat(probe(a).value()).as("a rebooted A comes back with flows held stopped").isEqualTo(FlowsState.STOP);

            lab.cutArbiterCable();
            assertThat(lab.arbiterHostEnd().read(new byte[16], 100)).as("the host end sees the port vanish").isEqualTo(-1);
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
