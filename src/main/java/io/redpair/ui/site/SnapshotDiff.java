package io.redpair.ui.site;

import io.redpair.pair.BoxId;
import io.redpair.supervisor.BoxSnapshot;
import io.redpair.supervisor.FlowsDrift;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a series of polled snapshots into the events an attached console would otherwise miss: a pair's state
 * change (mode, active, epoch, step), a box's condition change and a flows drift confirmed or ended (the same
 * words as the supervisor's own notes), and keeps a bounded timeline per pair so the dashboard shows them. The first snapshot yields no events (nothing changed yet). One poller thread only.
 */
final class SnapshotDiff {

    static final int TIMELINE = 200;

    private final Map<String, PairSnapshot> last = new HashMap<>();
    private final Map<String, Deque<SupervisorEvent>> timelines = new HashMap<>();

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
        for (SupervisorEvent e : out) {
            Deque<SupervisorEvent> t = timelines.computeIfAbsent(e.pairId(), id -> new ArrayDeque<>());
            t.addLast(e);
            while (t.size() > TIMELINE) {
                t.removeFirst();
            }
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

    /** {@code s} with each pair's derived timeline (the status form carries none). */
    SiteSnapshot withTimeline(SiteSnapshot s) {
        List<PairSnapshot> pairs = s.pairs().stream().map(p -> p.withTimeline(
                List.copyOf(timelines.getOrDefault(p.pairId(), new ArrayDeque<>())))).toList();
        return new SiteSnapshot(s.site(), s.at(), s.supervised(), pairs);
    }
}
