package io.redpair.ui.site;

import io.redpair.pair.BoxId;
import io.redpair.supervisor.BoxSnapshot;
import io.redpair.supervisor.FlowsDrift;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fallback for a supervisor older than the {@code events} verb (ADR 0107): turns a series of polled snapshots
 * into the events an attached console would otherwise miss: a pair's state change (mode, active, epoch, step), a
 * box's condition change and a flows drift confirmed or ended (the same words as the supervisor's own notes).
 * Coarse (no other notes, no reasons of steps, nothing between polls), hence only a fallback. The first snapshot
 * yields no events (nothing changed yet). One poller thread only.
 */
final class SnapshotDiff {

    private final Map<String, PairSnapshot> last = new HashMap<>();

    /** Events between the previous snapshot and {@code s}, oldest first; remembers {@code s}. */
    List<SupervisorEvent> next(SiteSnapshot s) {
        List<SupervisorEvent> out = new ArrayList<>();
        for (PairSnapshot p : s.pairs()) {
            PairSnapshot before = last.put(p.pairId(), p);
            if (before == null) {
                continue;
            }
            for (BoxId box : BoxId.values()) {
                BoxSnapshot was = before.boxes().get(box);
                BoxSnapshot now = p.boxes().get(box);
                if (was.condition() != now.condition()) {
                    out.add(new SupervisorEvent.BoxConditionChanged(s.at(), p.pairId(), box, was.condition(),
                            now.condition(), now.detail()));
                }
            }
            if (before.mode() != p.mode() || before.active() != p.active() || before.epoch() != p.epoch()
                    || before.step() != p.step()) {
                out.add(new SupervisorEvent.StateChanged(s.at(), p.pairId(), before.mode(), p.mode(), p.active(),
                        p.epoch(), p.step(), p.target(), p.reason()));
            }
            drift(s, before, p).ifPresent(out::add);
        }
        return out;
    }

    private static java.util.Optional<SupervisorEvent> drift(SiteSnapshot s, PairSnapshot before, PairSnapshot p) {
        FlowsDrift was = before.drift();
        FlowsDrift now = p.drift();
        if (now.differs() && !now.equals(was)) {
            return java.util.Optional.of(new SupervisorEvent.Noted(s.at(), p.pairId(), p.epoch(), "flows-drift",
                    now.words()));
        }
        if (was.differs() && now.state() == FlowsDrift.State.MATCH) {
            return java.util.Optional.of(new SupervisorEvent.Noted(s.at(), p.pairId(), p.epoch(), "flows-match",
                    now.matchedAgainWords()));
        }
        return java.util.Optional.empty();
    }
}
