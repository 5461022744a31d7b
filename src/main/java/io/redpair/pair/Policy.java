package io.redpair.pair;

/**
 * Timing and safety policy of one pair. Every value is a trade-off between speed and false alarms;
 * see docs/site-file.md.
 *
 * @param intervalMs     probe period per box; detection can never be faster than this
 * @param missedBeats    probes in a row that may fail before a channel is declared dead; deadline = interval × missed
 * @param autoFailover   when false RedPair only alarms and waits for the operator
 * @param holdDownS      at most one automatic failover per this many seconds; a second failure goes to the operator
 * @param startupGraceMs at start-up, how long to wait for both boxes to be probed before acting on one
 * @param fencing        how the old active is fenced
 */
public record Policy(int intervalMs, int missedBeats, boolean autoFailover, int holdDownS, int startupGraceMs,
                     Fencing fencing) {

    public enum Fencing { ARBITER, API_ONLY }

    public static Policy defaults() {
        return new Policy(250, 4, true, 600, 3000, Fencing.API_ONLY);
    }

    /** The time a channel may stay silent before it is declared dead. */
    public long deadlineMs() {
        return (long) intervalMs * missedBeats;
    }
}
