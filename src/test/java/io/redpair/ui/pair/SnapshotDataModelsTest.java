package io.redpair.ui.pair;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.Selection;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.supervisor.BoxSnapshot;
import io.redpair.supervisor.FlowsDrift;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.ui.PairBadge;
import io.redpair.ui.fake.Snapshots;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Box card version/revision words, the drift level, and the arbiter panel when the link is down. No toolkit. */
class SnapshotDataModelsTest {

    static final String REV_A = "1a2b3c4d" + "0".repeat(56);
    static final String REV_B = "9f8e7d6c" + "0".repeat(56);
    static final ArbiterConfig CONFIG = new ArbiterConfig("/dev/ttyUSB0", "WDA-1", 115200);
    static final ArbiterStatus STATUS = new ArbiterStatus(ArbiterStatus.ArmState.ARMED, Selection.A,
            ArbiterStatus.RelayFeedback.A, false, false, true, true, 120, 130, 4200, 9, false, 0);

    static PairSnapshot pair(String revA, String revB, FlowsDrift.State state) {
        PairSnapshot p = Snapshots.protectedPair("l1", "L", List.of());
        Map<BoxId, BoxSnapshot> boxes = new EnumMap<>(p.boxes());
        boxes.put(BoxId.A, boxes.get(BoxId.A).withFacts("4.1.15", revA, 2000));
        boxes.put(BoxId.B, boxes.get(BoxId.B).withFacts(revB == null ? null : "4.1.15", revB, revB == null ? -1 : 2000));
        return new PairSnapshot(p.pairId(), p.name(), p.mode(), p.active(), p.epoch(), p.reason(), p.step(),
                p.target(), p.canary(), p.suppressed(), boxes, p.timeline(), p.fencing(),
                new FlowsDrift(state, revA, revB), null);
    }

    @Test
    void cardsShowTheVersionAndWhetherTheRevisionMatchesTheOtherBox() {
        PairSnapshot same = pair(REV_A, REV_A, FlowsDrift.State.MATCH);

        BoxCard a = BoxCard.of(same, BoxId.A);

        assertThat(a.version()).isEqualTo("4.1.15");
        assertThat(a.flowsRev()).isEqualTo("1a2b3c4d… · same as B");
        assertThat(a.revLevel()).isEqualTo(PairBadge.Level.NEUTRAL);
    }

    @Test
    void aDriftedPairMarksTheRevisionLineAsAWarningOnBothCards() {
        PairSnapshot drifted = pair(REV_A, REV_B, FlowsDrift.State.DIFFER);

        assertThat(BoxCard.of(drifted, BoxId.A).flowsRev()).isEqualTo("1a2b3c4d… · differs from B");
        assertThat(BoxCard.of(drifted, BoxId.B).flowsRev()).isEqualTo("9f8e7d6c… · differs from A");
        assertThat(BoxCard.of(drifted, BoxId.B).revLevel()).isEqualTo(PairBadge.Level.WARNING);
        assertThat(BoxCard.of(drifted, BoxId.A).level()).as("the condition level is not changed by drift")
                .isEqualTo(PairBadge.Level.OK);
    }

    @Test
    void unreadValuesSayNotReadYetAndAnUnconfirmedDifferenceSaysReChecking() {
        PairSnapshot half = pair(REV_A, null, FlowsDrift.State.UNKNOWN);
        PairSnapshot checking = pair(REV_A, REV_B, FlowsDrift.State.CHECKING);

        assertThat(BoxCard.of(half, BoxId.B).version()).isEqualTo("not read yet");
        assertThat(BoxCard.of(half, BoxId.B).flowsRev()).isEqualTo("not read yet");
        assertThat(BoxCard.of(half, BoxId.A).flowsRev()).isEqualTo("1a2b3c4d… · B not read yet");
        assertThat(BoxCard.of(checking, BoxId.A).flowsRev()).isEqualTo("1a2b3c4d… · re-checking B");
        assertThat(BoxCard.of(checking, BoxId.A).revLevel()).isEqualTo(PairBadge.Level.NEUTRAL);
    }

    @Test
    void differentNodeRedVersionsAreNamedOnBothCardsAsAWarning() {
        PairSnapshot p = pair(REV_A, REV_A, FlowsDrift.State.MATCH);
        Map<BoxId, BoxSnapshot> boxes = new EnumMap<>(p.boxes());
        boxes.put(BoxId.B, boxes.get(BoxId.B).withFacts("5.0.7", REV_A, 100));
        PairSnapshot mixed = new PairSnapshot(p.pairId(), p.name(), p.mode(), p.active(), p.epoch(), p.reason(),
                p.step(), p.target(), p.canary(), p.suppressed(), boxes, p.timeline(), p.fencing(), p.drift(), null);

        assertThat(BoxCard.of(mixed, BoxId.A).version()).isEqualTo("4.1.15 · B runs 5.0.7");
        assertThat(BoxCard.of(mixed, BoxId.B).version()).isEqualTo("5.0.7 · A runs 4.1.15");
        assertThat(BoxCard.of(mixed, BoxId.A).versionLevel()).isEqualTo(PairBadge.Level.WARNING);
        assertThat(BoxCard.of(p, BoxId.A).versionLevel()).isEqualTo(PairBadge.Level.NEUTRAL);
    }

    @Test
    void aDownLinkShowsTheLastKnownStatusWithItsAgeAsAnAlarm() {
        ArbiterPanel p = ArbiterPanel.of(CONFIG, new ArbiterSnapshot(false, "down: no answer to 3 retransmissions",
                STATUS, 12_400));

        assertThat(p.headline()).isEqualTo("Arbiter link down: no fence, no automatic takeover");
        assertThat(p.level()).isEqualTo(PairBadge.Level.ALARM);
        assertThat(p.lines()).startsWith(new ArbiterPanel.Line("Link", "down: no answer to 3 retransmissions"),
                new ArbiterPanel.Line("Last status", "12 s ago; values below are the last known"));
        assertThat(p.lines()).contains(new ArbiterPanel.Line("Selected output", "A (relay reads A)"));
    }

    @Test
    void aLinkThatNeverAnsweredHasNoValuesToShow() {
        ArbiterPanel p = ArbiterPanel.of(CONFIG, ArbiterSnapshot.unheard("connecting to /dev/ttyUSB0"));

        assertThat(p.headline()).isEqualTo("Arbiter link down: no fence");
        assertThat(p.lines()).containsExactly(new ArbiterPanel.Line("Link", "connecting to /dev/ttyUSB0"),
                new ArbiterPanel.Line("Port", "/dev/ttyUSB0 · serial WDA-1"));
    }

    @Test
    void aHealthyLinkIsOkWithTheDevicesWords() {
        ArbiterPanel p = ArbiterPanel.of(CONFIG, new ArbiterSnapshot(true, "up on /dev/ttyUSB0 (serial WDA-1)", STATUS, 200));

        assertThat(p.headline()).isEqualTo("Arbiter connected");
        assertThat(p.level()).isEqualTo(PairBadge.Level.OK);
        assertThat(p.lines()).first().isEqualTo(new ArbiterPanel.Line("Link", "up on /dev/ttyUSB0 (serial WDA-1)"));
        assertThat(p.lines()).contains(new ArbiterPanel.Line("Power sense", "A on · B on"),
                new ArbiterPanel.Line("Heartbeat lines", "A 120 ms · B 130 ms"));
    }
}
