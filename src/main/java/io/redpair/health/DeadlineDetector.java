package io.redpair.health;

/**
 * The failure detector that drives decisions: a channel is dead once it has been silent for a fixed
 * deadline ({@code intervalMs × missedBeats}). Every call takes the monotonic time in nanoseconds, so
 * tests advance a fake clock and never sleep.
 *
 * <p>Trade-off: a shorter deadline detects a crash sooner (lower MTTR) but convicts a box that merely
 * paused (GC, a long deploy, a busy event loop). The default 250 ms × 4 = 1 s tolerates three lost
 * probes in a row.
 *
 * <p>Invariant: "never heard" is its own status. A channel that has never delivered a heartbeat is
 * {@link Status#NEVER_HEARD} until it has been failing for the whole deadline; it is never ALIVE.
 * Not thread-safe: owned by the supervisor thread.
 */
public final class DeadlineDetector {

    public enum Status { NEVER_HEARD, ALIVE, LATE, DEAD }

    private final long deadlineNanos;
    private boolean heard;
    private long lastHeartbeatNanos;
    private boolean failing;
    private long failingSinceNanos;
    private int missed;

    public DeadlineDetector(long deadlineNanos) {
        if (deadlineNanos <= 0) {
            throw new IllegalArgumentException("deadline must be positive");
        }
        this.deadlineNanos = deadlineNanos;
    }

    public static DeadlineDetector ofMillis(long intervalMs, int missedBeats) {
        return new DeadlineDetector(intervalMs * missedBeats * 1_000_000L);
    }

    /** A good sign of life arrived: resets the silence and the missed count. */
    public void heartbeat(long nowNanos) {
        heard = true;
        lastHeartbeatNanos = nowNanos;
        failing = false;
        missed = 0;
    }

    /** A probe came back without a sign of life. Starts the silence clock if nothing was ever heard. */
    public void missed(long nowNanos) {
        if (!failing) {
            failing = true;
            failingSinceNanos = heard ? lastHeartbeatNanos : nowNanos;
        }
        missed++;
    }

    public Status status(long nowNanos) {
        if (!heard && !failing) {
            return Status.NEVER_HEARD;
        }
        if (silenceNanos(nowNanos) >= deadlineNanos) {
            return Status.DEAD;
        }
        if (!heard) {
            return Status.NEVER_HEARD;
        }
        return failing || nowNanos - lastHeartbeatNanos > deadlineNanos / 2 ? Status.LATE : Status.ALIVE;
    }

    /** Time since the last heartbeat (or since the first miss when nothing was ever heard); 0 if neither. */
    public long silenceNanos(long nowNanos) {
        if (heard) {
            return Math.max(0, nowNanos - lastHeartbeatNanos);
        }
        return failing ? Math.max(0, nowNanos - failingSinceNanos) : 0;
    }

    /** Probes in a row without a sign of life since the last heartbeat. */
    public int missedCount() {
        return missed;
    }

    public long deadlineNanos() {
        return deadlineNanos;
    }
}
