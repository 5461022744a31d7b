package io.redpair.ui.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.BoxSnapshot;
import io.redpair.supervisor.FlowsDrift;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SnapshotJson;
import io.redpair.supervisor.SnapshotJsonReader;
import io.redpair.supervisor.SupervisorEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an attached console derives from polled status: the JSON round trip and the events between snapshots. */
class SnapshotDiffTest {

    private static SiteSnapshot site(long second, Mode mode, BoxId active, BoxCondition a, BoxCondition b) {
        Map<BoxId, BoxSnapshot> boxes = Map.of(
                BoxId.A, new BoxSnapshot(BoxId.A, "http://127.0.0.1:1", a, "d-a", 3, 4, 100, 0.5, 0, "STARTED", "ANSWERED"),
                BoxId.B, new BoxSnapshot(BoxId.B, "http://127.0.0.1:2", b, "d-b", 5, -1, -1, 0.1, 1, "STOPPED", null));
        return new SiteSnapshot("Lab", Instant.ofEpochSecond(second), true, List.of(new PairSnapshot("lab", "Lab pair",
                mode, active, active == BoxId.B ? 1 : 0, "why", FailoverStep.NONE, null, true, false, boxes, List.of())));
    }

    @Test
    void statusJsonReadsBackToTheSameSnapshot() {
        SiteSnapshot s = site(10, Mode.PROTECTED, BoxId.A, BoxCondition.RUNNING_FLOWS, BoxCondition.STANDBY_READY);
        assertThat(SnapshotJsonReader.read(SnapshotJson.toJson(s))).isEqualTo(s);
    }

    @Test
    void theFirstSnapshotYieldsNothingAndChangesYieldStateAndConditionEvents() {
        SnapshotDiff diff = new SnapshotDiff();
        assertThat(diff.next(site(10, Mode.PROTECTED, BoxId.A, BoxCondition.RUNNING_FLOWS, BoxCondition.STANDBY_READY))).isEmpty();
        assertThat(diff.next(site(11, Mode.PROTECTED, BoxId.A, BoxCondition.RUNNING_FLOWS, BoxCondition.STANDBY_READY))).isEmpty();

        SiteSnapshot after = site(12, Mode.UNPROTECTED, BoxId.B, BoxCondition.DOWN, BoxCondition.RUNNING_FLOWS);
        List<SupervisorEvent> events = diff.next(after);

        assertThat(events).hasSize(3);
        assertThat(events.get(2)).isInstanceOfSatisfying(SupervisorEvent.StateChanged.class, e -> {
            assertThat(e.from()).isEqualTo(Mode.PROTECTED);
            assertThat(e.to()).isEqualTo(Mode.UNPROTECTED);
            assertThat(e.active()).isEqualTo(BoxId.B);
        });
        assertThat(events).filteredOn(e -> e instanceof SupervisorEvent.BoxConditionChanged).hasSize(2);
        PairTimelines timelines = new PairTimelines();
        events.forEach(timelines::add);
        assertThat(timelines.into(after).pairs().get(0).timeline()).containsExactlyElementsOf(events);
    }

    @Test
    void anAttachedConsoleSeesADriftOnceAndItsEndOnce() {
        String r1 = "1a2b3c4d" + "0".repeat(56);
        String r2 = "9f8e7d6c" + "0".repeat(56);
        SnapshotDiff diff = new SnapshotDiff();
        diff.next(drift(10, new FlowsDrift(FlowsDrift.State.MATCH, r1, r1)));
        assertThat(diff.next(drift(11, new FlowsDrift(FlowsDrift.State.CHECKING, r1, r2)))).isEmpty();

        List<SupervisorEvent> confirmed = diff.next(drift(12, new FlowsDrift(FlowsDrift.State.DIFFER, r1, r2)));
        List<SupervisorEvent> again = diff.next(drift(13, new FlowsDrift(FlowsDrift.State.DIFFER, r1, r2)));
        List<SupervisorEvent> ended = diff.next(drift(14, new FlowsDrift(FlowsDrift.State.MATCH, r2, r2)));

        assertThat(confirmed).singleElement().isInstanceOfSatisfying(SupervisorEvent.Noted.class,
                n -> assertThat(n.text()).isEqualTo("Flows differ: A rev 1a2b3c4d…, B rev 9f8e7d6c…"));
        assertThat(again).isEmpty();
        assertThat(ended).singleElement().isInstanceOfSatisfying(SupervisorEvent.Noted.class,
                n -> assertThat(n.type()).isEqualTo("flows-match"));
    }

    private static SiteSnapshot drift(long second, FlowsDrift d) {
        SiteSnapshot s = site(second, Mode.PROTECTED, BoxId.A, BoxCondition.RUNNING_FLOWS, BoxCondition.STANDBY_READY);
        return new SiteSnapshot(s.site(), s.at(), true, List.of(s.pairs().get(0).withDriftAndArbiter(d, null)));
    }
}
