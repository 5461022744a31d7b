package io.redpair.ui.site;

import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest events of each pair as an attached console received them, put back into the polled snapshots: the
 * status form carries no timeline, but the dashboard (banner, alarm acknowledgement) reads the snapshot's. Bounded
 * per pair; site-wide events (no pair) are not kept. One poller thread only.
 */
final class PairTimelines {

    static final int KEPT = 200;

    private final Map<String, Deque<SupervisorEvent>> timelines = new HashMap<>();

    void add(SupervisorEvent e) {
        if (e.pairId() == null) {
            return;
        }
        Deque<SupervisorEvent> t = timelines.computeIfAbsent(e.pairId(), id -> new ArrayDeque<>());
        t.addLast(e);
        while (t.size() > KEPT) {
            t.removeFirst();
        }
    }

    /** {@code s} with each pair's kept events as its timeline, oldest first. */
    SiteSnapshot into(SiteSnapshot s) {
        List<PairSnapshot> pairs = s.pairs().stream().map(p -> p.withTimeline(
                List.copyOf(timelines.getOrDefault(p.pairId(), new ArrayDeque<>())))).toList();
        return new SiteSnapshot(s.site(), s.at(), s.supervised(), pairs);
    }
}
