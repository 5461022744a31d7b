package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.Selection;
import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.supervisor.BoxSnapshot;
import io.redpair.supervisor.FlowsDrift;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SnapshotJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code status} shows each box's Node-RED version and revision, drift as a WARNING line, and the arbiter. */
class StatusDriftAndArbiterLinesTest {

    static final String REV_A = "1a2b3c4d" + "0".repeat(56);
    static final String REV_B = "9f8e7d6c" + "0".repeat(56);

    static String status(FlowsDrift drift, ArbiterSnapshot arbiter) {
        BoxSnapshot a = new BoxSnapshot(BoxId.A, "http://a", BoxCondition.RUNNING_FLOWS, "", 1, 1, 10, 0, 0, "OK", "OK",
                "4.1.15", drift.revA(), 12_400);
        BoxSnapshot b = new BoxSnapshot(BoxId.B, "http://b", BoxCondition.STANDBY_READY, "", 1, 1, 10, 0, 0, "OK", "OK");
        PairSnapshot p = new PairSnapshot("line1", "Line 1", Mode.PROTECTED, BoxId.A, 3, "A runs flows",
                FailoverStep.NONE, null, true, false, Map.of(BoxId.A, a, BoxId.B, b), List.of(), "", drift, arbiter);
        StringWriter text = new StringWriter();
        StatusFormat.print(SnapshotJson.toJson(new SiteSnapshot("site", Instant.EPOCH, true, List.of(p))),
                new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void driftIsAWarningLineNamingBothRevisions() {
        String text = status(new FlowsDrift(FlowsDrift.State.DIFFER, REV_A, REV_B), null);

        assertThat(text).contains("  WARNING Flows differ: A rev 1a2b3c4d…, B rev 9f8e7d6c…");
        assertThat(text).contains("    Node-RED 4.1.15, flows rev 1a2b3c4d… (read 12 s ago)");
        assertThat(text).contains("    Node-RED not read yet, flows rev not read yet");
        assertThat(text).doesNotContain("arbiter:");
    }

    @Test
    void matchingFlowsAreOneQuietLine() {
        String text = status(new FlowsDrift(FlowsDrift.State.MATCH, REV_A, REV_A), null);

        assertThat(text).contains("  Flows match: both rev 1a2b3c4d…").doesNotContain("WARNING");
    }

    @Test
    void theArbiterLineShowsOutputsFencesPowerLinesAndWatchdog() {
        ArbiterStatus s = new ArbiterStatus(ArbiterStatus.ArmState.ARMED, Selection.A, ArbiterStatus.RelayFeedback.A,
                false, true, true, false, 180, -1, 3750, 7, false, 0);

        String up = status(FlowsDrift.UNKNOWN, new ArbiterSnapshot(true, "up on /dev/ttyUSB0 (serial A0042)", s, 300));
        String down = status(FlowsDrift.UNKNOWN, new ArbiterSnapshot(false, "down: no answer", s, 9000));

        assertThat(up).contains("  arbiter: link up on /dev/ttyUSB0 (serial A0042)")
                .contains("    selected A (relay A), fences A free B FENCED, power A on B OFF, heartbeat lines A 180 ms"
                        + " B -, watchdog ARMED 3.8 s left, epoch 7");
        assertThat(down).contains("  arbiter: link down: no answer").contains("    LAST KNOWN: selected A");
    }
}
