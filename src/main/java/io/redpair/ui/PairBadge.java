package io.redpair.ui;

import io.redpair.failover.Mode;

/**
 * What a pair's status badge says and how loud it is. Words come from the product (Protected,
 * Unprotected, Failing over, Operator needed, Maintenance); a pair nothing is deciding for says so
 * instead of guessing. Pure, so the wording is tested without the toolkit.
 */
public record PairBadge(String text, Level level) {

    /** Loudness of a badge; each maps to one AtlantaFX colour family in redpair.css. */
    public enum Level {
        /** Protected: nothing to do. */
        OK,
        /** Degraded but running: the engineer should look soon. */
        WARNING,
        /** Something is changing right now (failover, switchover, start-up). */
        BUSY,
        /** An engineer must act. */
        ALARM,
        /** No judgement: not supervised, or maintenance on purpose. */
        NEUTRAL;

        public String styleClass() {
            return "level-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The badge for a pair's mode; {@code null} means no supervisor decides for the pair. */
    public static PairBadge of(Mode mode) {
        if (mode == null) {
            return new PairBadge("Not supervised", Level.NEUTRAL);
        }
        switch (mode) {
            case PROTECTED: return new PairBadge("Protected", Level.OK);
            case UNPROTECTED: return new PairBadge("Unprotected", Level.WARNING);
            case SUSPECT: return new PairBadge("Suspect", Level.WARNING);
            case STARTING: return new PairBadge("Starting", Level.BUSY);
            case FAILING_OVER: return new PairBadge("Failing over", Level.BUSY);
            case SWITCHING_OVER: return new PairBadge("Switching over", Level.BUSY);
            case OPERATOR_NEEDED: return new PairBadge("Operator needed", Level.ALARM);
            case MAINTENANCE: return new PairBadge("Maintenance", Level.NEUTRAL);
            default: throw new IllegalArgumentException("no badge for " + mode);
        }
    }
}
