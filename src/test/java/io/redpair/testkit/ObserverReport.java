package io.redpair.testkit;

import io.redpair.testkit.Observer.Mark;
import io.redpair.testkit.Observer.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the {@link Observer} saw, and the three figures a fault test asserts or reports: dual-active overlap,
 * MTTR and switchover gap. All times are monotonic nanos of the test JVM.
 */
public record ObserverReport(Map<String, List<Sample>> samples, List<Mark> marks) {

    /**
     * A run of consecutive 200 answers of one box: [first receive, last receive]. Any other answer (404, refused,
     * a timeout of a frozen box) ends the run: a frozen box is not seen serving while frozen.
     */
    public record Interval(long fromNanos, long toNanos) {
        long overlapWith(Interval o) {
            return Math.max(0, Math.min(toNanos, o.toNanos) - Math.max(fromNanos, o.fromNanos));
        }

        boolean contains(long t) {
            return t >= fromNanos && t <= toNanos;
        }
    }

    /** The serving intervals of a box, oldest first. */
    public List<Interval> serving(String box) {
        List<Interval> out = new ArrayList<>();
        Long start = null;
        long last = 0;
        for (Sample s : samples.get(box)) {
            if (s.serving()) {
                if (start == null) {
                    start = s.recvNanos();
                }
                last = s.recvNanos();
            } else if (start != null) {
                out.add(new Interval(start, last));
                start = null;
            }
        }
        if (start != null) {
            out.add(new Interval(start, last));
        }
        return out;
    }

    /** Total time both boxes were seen serving at once, in milliseconds (must be 0). */
    public double overlapMillis(String a, String b) {
        long total = 0;
        for (Interval x : serving(a)) {
            for (Interval y : serving(b)) {
                total += x.overlapWith(y);
            }
        }
        return total / 1e6;
    }

    /**
     * Answers of one box received inside a serving interval of the other: catches a dual-active moment even when
     * it was a single sample (which has no length). Must be 0.
     */
    public int dualActiveSamples(String a, String b) {
        return countInside(a, b) + countInside(b, a);
    }

    private int countInside(String box, String other) {
        List<Interval> intervals = serving(other);
        int n = 0;
        for (Sample s : samples.get(box)) {
            if (s.serving() && intervals.stream().anyMatch(i -> i.contains(s.recvNanos()))) {
                n++;
            }
        }
        return n;
    }

    /** First 200 of {@code box} received after {@code afterNanos}. */
    public OptionalLong firstServingAfter(String box, long afterNanos) {
        return samples.get(box).stream().filter(s -> s.serving() && s.recvNanos() > afterNanos)
                .mapToLong(Sample::recvNanos).findFirst();
    }

    /** Last 200 of {@code box} received before {@code beforeNanos}. */
    public OptionalLong lastServingBefore(String box, long beforeNanos) {
        return samples.get(box).stream().filter(s -> s.serving() && s.recvNanos() < beforeNanos)
                .mapToLong(Sample::recvNanos).reduce((x, y) -> y);
    }

    /** Fault injection → first answer of the new active, in ms; empty if it never answered. */
    public OptionalLong mttrMillis(long faultNanos, String newActive) {
        OptionalLong first = firstServingAfter(newActive, faultNanos);
        return first.isPresent() ? OptionalLong.of((first.getAsLong() - faultNanos) / 1_000_000) : OptionalLong.empty();
    }

    /**
     * Planned switchover gap: last answer of the old active → first answer of the new one after
     * {@code requestNanos}, in ms.
     */
    public OptionalLong gapMillis(String oldActive, String newActive, long requestNanos) {
        OptionalLong first = firstServingAfter(newActive, requestNanos);
        if (first.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong last = lastServingBefore(oldActive, first.getAsLong());
        return last.isPresent() ? OptionalLong.of((first.getAsLong() - last.getAsLong()) / 1_000_000) : OptionalLong.empty();
    }

    /** Is {@code box} seen serving at its latest sample? */
    public boolean servingNow(String box) {
        List<Sample> list = samples.get(box);
        return !list.isEmpty() && list.get(list.size() - 1).serving();
    }

    /** Longest time between two consecutive answers of a box, in ms: the observer's worst resolution in a run. */
    public long maxPollGapMillis(String box) {
        long max = 0;
        long previous = -1;
        for (Sample s : samples.get(box)) {
            if (previous >= 0) {
                max = Math.max(max, s.recvNanos() - previous);
            }
            previous = s.recvNanos();
        }
        return max / 1_000_000;
    }

    /** Number of polls of a box: lets a test show the observer really sampled at its period. */
    public int pollCount(String box) {
        return samples.get(box).size();
    }
}
