package io.redpair.ui.pair;

import io.redpair.pair.BoxId;
import io.redpair.supervisor.BoxSnapshot;
import io.redpair.supervisor.PairSnapshot;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The last minutes of probe measurements per box, for the heartbeat chart and the cards' sparklines.
 * Snapshots carry only the latest values, so the console keeps this short history itself. Bounded by
 * time ({@code window}) and by count; a sample with no measurement yet is kept as {@code -1} (a gap, not 0).
 * Pure and single-threaded (used on the JavaFX thread only).
 */
public final class PairHistory {

    /** One probe reading: wall time in ms and the latency the chart plots (canary if any, else API). */
    public record Sample(long atMs, long latencyMs, long heartbeatAgeMs) {
    }

    private final long windowMs;
    private final int capacity;
    private final Map<BoxId, Deque<Sample>> samples = new EnumMap<>(BoxId.class);
    private Instant lastAt;

    public PairHistory(long windowMs, int capacity) {
        this.windowMs = windowMs;
        this.capacity = capacity;
        for (BoxId box : BoxId.values()) {
            samples.put(box, new ArrayDeque<>());
        }
    }

    /** Adds the snapshot's readings once per snapshot time; a repeated snapshot adds nothing. */
    public void add(Instant at, PairSnapshot p) {
        if (lastAt != null && !at.isAfter(lastAt)) {
            return;
        }
        lastAt = at;
        long now = at.toEpochMilli();
        for (BoxId id : BoxId.values()) {
            BoxSnapshot b = p.boxes().get(id);
            Deque<Sample> q = samples.get(id);
            long latency = b == null ? -1 : b.canaryLatencyMs() >= 0 ? b.canaryLatencyMs() : b.apiLatencyMs();
            q.addLast(new Sample(now, latency, b == null ? -1 : b.heartbeatAgeMs()));
            while (q.size() > capacity || (!q.isEmpty() && q.peekFirst().atMs() < now - windowMs)) {
                q.removeFirst();
            }
        }
    }

    public List<Sample> samples(BoxId box) {
        return new ArrayList<>(samples.get(box));
    }

    /**
     * At most {@code points} samples, evenly picked, keeping the newest: the chart draws a few hundred points
     * whatever the probe rate, so 4 Hz over five minutes stays cheap.
     */
    public List<Sample> thinned(BoxId box, int points) {
        List<Sample> all = samples(box);
        if (all.size() <= points) {
            return all;
        }
        List<Sample> out = new ArrayList<>(points);
        double stride = (all.size() - 1) / (double) (points - 1);
        for (int i = 0; i < points; i++) {
            out.add(all.get((int) Math.round(i * stride)));
        }
        return out;
    }
}
