package io.redpair.supervisor;

import java.util.Objects;

/**
 * Whether both boxes of a pair carry the same flows, judged by revision (sha256 of the flows JSON, so equal
 * content gives an equal revision on every box). A warning only: drift never triggers an automatic action,
 * because which side is "right" is the engineer's call (a push in progress, a hot fix on the active, ...).
 *
 * @param state {@link State#UNKNOWN} until both revisions were read; {@link State#CHECKING} while they differ
 *              but not yet for the confirmation window (a push deploys the spare first, the active seconds
 *              later); {@link State#DIFFER} once confirmed; {@link State#MATCH} when equal
 * @param revA  A's last revision read, null before the first reading
 * @param revB  B's last revision read, null before the first reading
 */
public record FlowsDrift(State state, String revA, String revB) {

    public static final FlowsDrift UNKNOWN = new FlowsDrift(State.UNKNOWN, null, null);

    /** See the record's Javadoc. */
    public enum State { UNKNOWN, MATCH, CHECKING, DIFFER }

    public FlowsDrift {
        Objects.requireNonNull(state, "state");
    }

    /** True only for a confirmed drift: what the badge and {@code status} warn about. */
    public boolean differs() {
        return state == State.DIFFER;
    }

    /** The first 8 hex digits, enough to tell revisions apart on a screen. */
    public static String shortRev(String rev) {
        return rev == null ? "unknown" : rev.length() <= 8 ? rev : rev.substring(0, 8) + "…";
    }

    /** The timeline line when a drift ends (this verdict being the MATCH that ended it). */
    public String matchedAgainWords() {
        return "Flows match again: both boxes at rev " + shortRev(revA);
    }

    /** Plain words for the timeline, the banner and {@code status}. */
    public String words() {
        if (state == State.UNKNOWN) {
            return "Flows revisions not read yet";
        }
        if (state == State.MATCH) {
            return "Flows match: both rev " + shortRev(revA);
        }
        String revs = "A rev " + shortRev(revA) + ", B rev " + shortRev(revB);
        return state == State.DIFFER ? "Flows differ: " + revs : "Flows revisions differ, re-checking: " + revs;
    }
}
