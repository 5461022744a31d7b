package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.BoxSnapshot;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SnapshotJson;
import io.redpair.supervisor.SnapshotJsonReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fencing words survive the snapshot JSON and `status` prints them, so an api-only pair is visibly unfenced. */
class StatusFencingLineTest {

    @Test
    void apiOnlyPairIsShownUnfencedInStatusAndTheSnapshotJson() {
        BoxSnapshot a = new BoxSnapshot(BoxId.A, "http://a", BoxCondition.RUNNING_FLOWS, "", 1, 1, 10, 0, 0, "OK", "OK");
        BoxSnapshot b = new BoxSnapshot(BoxId.B, "http://b", BoxCondition.STANDBY_READY, "", 1, 1, 10, 0, 0, "OK", "OK");
        String words = "UNFENCED (fencing: api-only): a hung or cut-off active needs an operator";
        PairSnapshot p = new PairSnapshot("line1", "Line 1", Mode.PROTECTED, BoxId.A, 3, "A runs flows", FailoverStep.NONE,
                null, true, false, Map.of(BoxId.A, a, BoxId.B, b), List.of(), words);
        var json = SnapshotJson.toJson(new SiteSnapshot("site", Instant.EPOCH, true, List.of(p)));

        assertThat(SnapshotJsonReader.read(json).pairs().get(0).fencing()).isEqualTo(words);
        StringWriter text = new StringWriter();
        StatusFormat.print(json, new PrintWriter(text, true));
        assertThat(text.toString()).contains("  fencing: UNFENCED (fencing: api-only)");
    }
}
