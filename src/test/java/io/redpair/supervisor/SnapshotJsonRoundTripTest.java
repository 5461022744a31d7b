package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.Selection;
import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an attached console and {@code status --json} read is what the supervisor wrote: versions, revisions, drift, arbiter. */
class SnapshotJsonRoundTripTest {

    static final String REV_A = "1a2b3c4d" + "0".repeat(56);
    static final String REV_B = "9f8e7d6c" + "0".repeat(56);

    static PairSnapshot pair(FlowsDrift drift, ArbiterSnapshot arbiter) {
        BoxSnapshot a = new BoxSnapshot(BoxId.A, "http://a", BoxCondition.RUNNING_FLOWS, "ok", 3, 4, 100, 0.5, 0,
                "STARTED", "ANSWERED", "4.1.15", REV_A, 1200);
        BoxSnapshot b = new BoxSnapshot(BoxId.B, "http://b", BoxCondition.STANDBY_READY, "ok", 5, -1, -1, 0.1, 0,
                "STOPPED", null, null, null, -1);
        return new PairSnapshot("line1", "Line 1", Mode.PROTECTED, BoxId.A, 7, "A runs flows", FailoverStep.NONE, null,
                true, false, Map.of(BoxId.A, a, BoxId.B, b), List.of(), "arbiter: link up, fence available", drift,
                arbiter);
    }

    static SiteSnapshot roundTrip(PairSnapshot p) {
        ObjectNode json = SnapshotJson.toJson(new SiteSnapshot("site", Instant.EPOCH, true, List.of(p)));
        return SnapshotJsonReader.read(json);
    }

    @Test
    void versionsRevisionsDriftAndTheArbiterSurviveTheJson() {
        ArbiterStatus status = new ArbiterStatus(ArbiterStatus.ArmState.ARMED, Selection.A,
                ArbiterStatus.RelayFeedback.A, false, true, true, false, 180, -1, 3750, 7, false, 2);
        PairSnapshot p = pair(new FlowsDrift(FlowsDrift.State.DIFFER, REV_A, REV_B),
                new ArbiterSnapshot(true, "up on /dev/ttyUSB0 (serial A0042)", status, 420));

        assertThat(roundTrip(p).pairs().get(0)).isEqualTo(p);
    }

    @Test
    void anArbiterNeverHeardAndNoArbiterAtAllStayApart() {
        PairSnapshot unheard = pair(FlowsDrift.UNKNOWN, ArbiterSnapshot.unheard("connecting to /dev/ttyUSB0"));
        PairSnapshot none = pair(FlowsDrift.UNKNOWN, null);

        assertThat(roundTrip(unheard).pairs().get(0).arbiter()).isEqualTo(unheard.arbiter());
        assertThat(roundTrip(none).pairs().get(0).arbiter()).isNull();
    }

    @Test
    void aSnapshotFromBeforeDriftWasReportedReadsAsUnknownNotAsMatch() {
        ObjectNode json = SnapshotJson.toJson(new SiteSnapshot("site", Instant.EPOCH, true,
                List.of(pair(new FlowsDrift(FlowsDrift.State.MATCH, REV_A, REV_A), null))));
        ((ObjectNode) json.withArray("pairs").get(0)).remove(List.of("drift", "arbiter"));

        PairSnapshot read = SnapshotJsonReader.read(json).pairs().get(0);

        assertThat(read.drift()).isEqualTo(FlowsDrift.UNKNOWN);
        assertThat(read.boxes().get(BoxId.A).nodeRedVersion()).isEqualTo("4.1.15");
    }

    @Test
    void anArbiterStatusWithoutItsStateIsRefusedNamingTheField() {
        ObjectNode json = SnapshotJson.toJson(new SiteSnapshot("site", Instant.EPOCH, true, List.of(pair(
                FlowsDrift.UNKNOWN, new ArbiterSnapshot(true, "up", new ArbiterStatus(ArbiterStatus.ArmState.ARMED,
                        Selection.A, ArbiterStatus.RelayFeedback.A, false, false, true, true, 1, 1, 1, 1, false, 0), 0)))));
        ((ObjectNode) json.withArray("pairs").get(0).get("arbiter").get("status")).remove("state");

        assertThatThrownBy(() -> SnapshotJsonReader.read(json)).hasMessageContaining("pair line1 arbiter status")
                .hasMessageContaining("'state'");
    }
}
