package io.redpair.ui.fake;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.Site;
import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.Selection;
import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.supervisor.BoxSnapshot;
import io.redpair.supervisor.FlowsDrift;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic sites and snapshots for UI tests, the preview and the benchmark. */
public final class Snapshots {

    private Snapshots() {
    }

    public static Pair pair(String id, String name, boolean arbiter) {
        return new Pair(id, name, Map.of(
                BoxId.A, new BoxConfig(URI.create("http://10.20.1.11:1880/"), AuthRef.password("redpair", "env:" + id.toUpperCase().replace('-', '_') + "_PW"), null),
                BoxId.B, new BoxConfig(URI.create("http://10.20.1.12:1880/"), AuthRef.password("redpair", "env:" + id.toUpperCase().replace('-', '_') + "_PW"), null)),
                BoxId.A, "/redpair/heartbeat", arbiter ? new ArbiterConfig("/dev/ttyUSB0", "WDA-00417", 115200) : null,
                Policy.defaults());
    }

    public static Site site(int pairs) {
        String[] names = {"Press line 1", "Paint shop", "Packaging", "Boiler house", "Warehouse conveyors"};
        List<Pair> list = new java.util.ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            list.add(pair("line-" + (i + 1), i < names.length ? names[i] : "Line " + (i + 1), i == 0));
        }
        return new Site("Hall B", list);
    }

    public static BoxSnapshot box(BoxId id, BoxCondition c, long latency, long heartbeatAge, int missed, String detail) {
        return new BoxSnapshot(id, id == BoxId.A ? "http://10.20.1.11:1880/" : "http://10.20.1.12:1880/", c, detail,
                c.vanished() || c == BoxCondition.DOWN ? -1 : latency, c == BoxCondition.RUNNING_FLOWS ? latency + 2 : -1,
                heartbeatAge, missed == 0 ? 0.4 : 2.0 + missed * 2.5, missed, "OK", "OK");
    }

    public static PairSnapshot protectedPair(String id, String name, List<SupervisorEvent> timeline) {
        return new PairSnapshot(id, name, Mode.PROTECTED, BoxId.A, 7, "A runs flows, B stands by", FailoverStep.NONE,
                null, true, false, Map.of(BoxId.A, box(BoxId.A, BoxCondition.RUNNING_FLOWS, 11, 180, 0, "flows running, canary fresh"),
                BoxId.B, box(BoxId.B, BoxCondition.STANDBY_READY, 9, -1, 0, "flows stopped, ready to take over")), timeline);
    }

    public static PairSnapshot failingOver(String id, String name, List<SupervisorEvent> timeline) {
        return new PairSnapshot(id, name, Mode.FAILING_OVER, BoxId.A, 8,
                "A stopped answering: 4 heartbeats missed (1.0 s); B takes over", FailoverStep.START_NEW, BoxId.B, true,
                false, Map.of(BoxId.A, box(BoxId.A, BoxCondition.DOWN, 0, 1412, 4, "connection refused for 1.0 s"),
                BoxId.B, box(BoxId.B, BoxCondition.STANDBY_READY, 10, -1, 0, "flows stopped, starting")), timeline);
    }

    public static PairSnapshot operatorNeeded(String id, String name, List<SupervisorEvent> timeline) {
        return new PairSnapshot(id, name, Mode.OPERATOR_NEEDED, BoxId.A, 8,
                "A cannot be seen and its stop is not confirmed; RedPair will not start B on its own. Check A at the machine",
                FailoverStep.NONE, null, true, false,
                Map.of(BoxId.A, box(BoxId.A, BoxCondition.UNREACHABLE, 0, 6210, 24, "no connection for 6.2 s"),
                        BoxId.B, box(BoxId.B, BoxCondition.STANDBY_READY, 12, -1, 0, "flows stopped, ready to take over")),
                timeline);
    }

    /** A realistic flows revision (sha256 hex) for previews and tests. */
    public static String rev(String start) {
        return (start + "c4be0d73a91f52e86b0d4417f3a2c9e5d18b7f60a4e2c93d15f8b6a07e4d2c91").substring(0, 64);
    }

    /** {@code p} with both boxes' Node-RED version and flows revision read, and the drift verdict. */
    public static PairSnapshot withFlows(PairSnapshot p, String revA, String revB, FlowsDrift.State state) {
        Map<BoxId, BoxSnapshot> boxes = new java.util.EnumMap<>(p.boxes());
        boxes.put(BoxId.A, boxes.get(BoxId.A).withFacts("4.1.15", revA, 8_200));
        boxes.put(BoxId.B, boxes.get(BoxId.B).withFacts("4.1.15", revB, 8_400));
        return new PairSnapshot(p.pairId(), p.name(), p.mode(), p.active(), p.epoch(), p.reason(), p.step(),
                p.target(), p.canary(), p.suppressed(), boxes, p.timeline(), p.fencing(),
                new FlowsDrift(state, revA, revB), p.arbiter());
    }

    /** An armed arbiter selecting A, both boxes powered and beating, as STATUS reports it. */
    public static ArbiterStatus arbiterStatus(long epoch) {
        return new ArbiterStatus(ArbiterStatus.ArmState.ARMED, Selection.A, ArbiterStatus.RelayFeedback.A, false,
                false, true, true, 112, 131, 3_750, epoch, false, 0);
    }

    /** {@code p} carrying the arbiter view the supervisor reports. */
    public static PairSnapshot withArbiter(PairSnapshot p, ArbiterSnapshot arbiter) {
        return p.withDriftAndArbiter(p.drift(), arbiter);
    }

    /** A failover story as the supervisor tells it, starting at {@code t0}. */
    public static List<SupervisorEvent> failoverStory(String id, Instant t0, boolean finished) {
        List<SupervisorEvent> out = new java.util.ArrayList<>(List.of(
                new SupervisorEvent.StateChanged(t0.minusSeconds(3600), id, Mode.STARTING, Mode.PROTECTED, BoxId.A, 7,
                        FailoverStep.NONE, null, "A runs flows, B stands by"),
                new SupervisorEvent.BoxConditionChanged(t0, id, BoxId.A, BoxCondition.RUNNING_FLOWS, BoxCondition.DOWN,
                        "stopped answering: 4 heartbeats missed (1.0 s)"),
                new SupervisorEvent.StateChanged(t0.plusMillis(3), id, Mode.PROTECTED, Mode.FAILING_OVER, BoxId.A, 8,
                        FailoverStep.STOP_OLD, BoxId.B, "A stopped answering: 4 heartbeats missed (1.0 s); B takes over"),
                new SupervisorEvent.Noted(t0.plusMillis(4), id, 8, "failover-started", "failover to B started, epoch 8"),
                new SupervisorEvent.CommandFinished(t0.plusMillis(41), id, 8, "stop-flows", BoxId.A, true, 37,
                        "connection refused: the process is gone"),
                new SupervisorEvent.StateChanged(t0.plusMillis(42), id, Mode.FAILING_OVER, Mode.FAILING_OVER, BoxId.A, 8,
                        FailoverStep.START_NEW, BoxId.B, "A confirmed not running; starting B")));
        if (finished) {
            out.add(new SupervisorEvent.CommandFinished(t0.plusMillis(398), id, 8, "start-flows", BoxId.B, true, 356,
                    "flows started, canary answered"));
            out.add(new SupervisorEvent.Noted(t0.plusMillis(399), id, 8, "failover-completed",
                    "failover complete: B runs flows (epoch 8), took 396 ms"));
        }
        return out;
    }
}
