package io.redpair.ui.pair;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.Selection;
import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.ui.PairBadge;
import io.redpair.ui.fake.Snapshots;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pair page's pure models: what the banner, cards, timeline and arbiter panel say for a snapshot. */
class PairModelsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:01:03.412Z");

    @Test
    void protectedBannerIsGreenAndSaysWhoRunsAndWhoStandsBy() {
        Banner b = Banner.of(Snapshots.protectedPair("l1", "Line 1", List.of()), ZoneOffset.UTC);
        assertThat(b.headline()).isEqualTo("Protected");
        assertThat(b.detail()).isEqualTo("Box A runs flows; B stands by and can take over.");
        assertThat(b.level()).isEqualTo(PairBadge.Level.OK);
    }

    @Test
    void failingOverBannerNamesTheTargetAndTheStep() {
        Banner b = Banner.of(Snapshots.failingOver("l1", "Line 1", List.of()), ZoneOffset.UTC);
        assertThat(b.headline()).isEqualTo("Failing over to B — step 2 of 2: starting B's flows");
        assertThat(b.level()).isEqualTo(PairBadge.Level.BUSY);
    }

    @Test
    void operatorNeededBannerIsRedAndSaysWhyInItsFirstClause() {
        Banner b = Banner.of(Snapshots.operatorNeeded("l1", "Line 1", List.of()), ZoneOffset.UTC);
        assertThat(b.headline()).isEqualTo("Operator needed — A cannot be seen and its stop is not confirmed");
        assertThat(b.detail()).isEqualTo("RedPair will not start B on its own. Check A at the machine");
        assertThat(b.level()).isEqualTo(PairBadge.Level.ALARM);
    }

    @Test
    void maintenanceBannerShowsTheEndTimeFromEntryPlusDuration() {
        SupervisorEvent entered = new SupervisorEvent.StateChanged(T0, "l1", Mode.PROTECTED, Mode.MAINTENANCE, BoxId.A,
                7, FailoverStep.NONE, null, "maintenance");
        PairSnapshot p = withMode(Mode.MAINTENANCE, "maintenance by ana@hmi for 3600.0 s: no automatic actions until it ends",
                List.of(entered));
        assertThat(Banner.of(p, ZoneOffset.UTC).headline()).isEqualTo("Maintenance until 13:01");
    }

    @Test
    void maintenanceWithoutAKnownEntrySaysMaintenanceOnly() {
        PairSnapshot p = withMode(Mode.MAINTENANCE, "maintenance by ana@hmi for 60.0 s", List.of());
        assertThat(Banner.of(p, ZoneOffset.UTC).headline()).isEqualTo("Maintenance");
    }

    @Test
    void unprotectedBannerIsAmberWithTheReason() {
        Banner b = Banner.of(withMode(Mode.UNPROTECTED, "B is down; A runs flows alone", List.of()), ZoneOffset.UTC);
        assertThat(b.headline()).isEqualTo("Unprotected — B is down");
        assertThat(b.level()).isEqualTo(PairBadge.Level.WARNING);
    }

    @Test
    void cardsShowRoleConditionAndUnknownsAsNotYet() {
        PairSnapshot p = Snapshots.failingOver("l1", "Line 1", List.of());
        BoxCard a = BoxCard.of(p, BoxId.A);
        BoxCard b = BoxCard.of(p, BoxId.B);
        assertThat(a.role()).isEqualTo("Active");
        assertThat(a.condition()).isEqualTo("Down: process gone");
        assertThat(a.level()).isEqualTo(PairBadge.Level.ALARM);
        assertThat(a.latency()).isEqualTo("API not yet");
        assertThat(a.heartbeatAge()).isEqualTo("1412 ms ago (4 missed)");
        assertThat(b.role()).isEqualTo("Taking over");
        assertThat(b.heartbeatAge()).isEqualTo("none: flows stopped");
    }

    @Test
    void timelineSpeaksPlainLanguageWithMilliseconds() {
        TimelineEntry e = TimelineEntry.of(new SupervisorEvent.BoxConditionChanged(T0, "l1", BoxId.A,
                BoxCondition.RUNNING_FLOWS, BoxCondition.DOWN, "stopped answering: 4 heartbeats missed (1.0 s)"),
                ZoneOffset.UTC);
        assertThat(e.line()).isEqualTo("12:01:03.412  A down: process gone: stopped answering: 4 heartbeats missed (1.0 s)");
        assertThat(e.category()).isEqualTo(TimelineEntry.Category.BOXES);
        TimelineEntry c = TimelineEntry.of(new SupervisorEvent.CommandFinished(T0, "l1", 8, "stop-flows", BoxId.A, true,
                37, "stopped"), ZoneOffset.UTC);
        assertThat(c.text()).isEqualTo("stop flows on A confirmed after 37 ms: stopped");
        assertThat(TimelineEntry.of(new SupervisorEvent.Noted(T0, "l1", 8, "failover-completed", "done"), ZoneOffset.UTC)
                .category()).isEqualTo(TimelineEntry.Category.FAILOVER);
    }

    @Test
    void noArbiterSaysUnfenced() {
        assertThat(ArbiterPanel.of(null, null).headline()).isEqualTo("No arbiter configured: unfenced");
        assertThat(ArbiterPanel.of(new ArbiterConfig("/dev/ttyUSB0", "WDA-1", 115200), null).headline())
                .isEqualTo("Arbiter status not reported");
    }

    @Test
    void arbiterStatusLinesAndAFaultyRelayIsAnAlarm() {
        ArbiterStatus s = new ArbiterStatus(ArbiterStatus.ArmState.ARMED, Selection.A, ArbiterStatus.RelayFeedback.FAULT,
                false, true, true, false, 120, -1, 4200, 9, false, 0);
        ArbiterPanel p = ArbiterPanel.of(new ArbiterConfig("/dev/ttyUSB0", "WDA-1", 115200),
                new io.redpair.supervisor.ArbiterSnapshot(true, "up on /dev/ttyUSB0 (serial WDA-1)", s, 300));
        assertThat(p.level()).isEqualTo(PairBadge.Level.ALARM);
        assertThat(p.lines()).contains(new ArbiterPanel.Line("Fences", "A free · B fenced"),
                new ArbiterPanel.Line("Heartbeat lines", "A 120 ms · B none yet"),
                new ArbiterPanel.Line("Host watchdog", "armed, 4.2 s left"), new ArbiterPanel.Line("Epoch", "9"));
    }

    @Test
    void historyIsBoundedByTimeAndThinnedForTheChart() {
        PairHistory h = new PairHistory(10_000, 1_000);
        for (int i = 0; i < 100; i++) {
            h.add(T0.plusMillis(250L * i), Snapshots.protectedPair("l1", "L", List.of()));
        }
        h.add(T0.plusMillis(250L * 99), Snapshots.protectedPair("l1", "L", List.of())); // same time: ignored
        assertThat(h.samples(BoxId.A)).hasSize(41); // 10 s window at 4 Hz, both ends included
        assertThat(h.thinned(BoxId.A, 10)).hasSize(10).last().isEqualTo(h.samples(BoxId.A).get(40));
        assertThat(h.samples(BoxId.A).get(0).latencyMs()).isEqualTo(13); // canary latency preferred
    }

    private static PairSnapshot withMode(Mode mode, String reason, List<SupervisorEvent> timeline) {
        PairSnapshot p = Snapshots.protectedPair("l1", "Line 1", timeline);
        return new PairSnapshot(p.pairId(), p.name(), mode, p.active(), p.epoch(), reason, FailoverStep.NONE, null,
                true, false, Map.copyOf(p.boxes()), timeline);
    }
}
