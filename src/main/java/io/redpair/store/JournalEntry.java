package io.redpair.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a pair's timeline as the journal holds it.
 *
 * @param seq       the journal's own order (strictly increasing); ties of wall-clock time are ordered by it
 * @param wall      wall-clock time, for people and reports only
 * @param monoNanos {@code System.nanoTime()} of the writer; only comparable within one supervisor run
 * @param epoch     the pair's epoch the entry belongs to (0 before the first decision)
 * @param actor     who caused it: the supervisor for automatic decisions, the OS user for operator actions
 */
public record JournalEntry(long seq, String pairId, Instant wall, long monoNanos, Kind kind, long epoch,
                           String type, String text, Actor actor) {

    /** What sort of line this is; {@code type} refines it (e.g. the command or step name). */
    public enum Kind { DECISION, EPOCH, COMMAND, STEP, OPERATOR, TRANSITION, ALARM, NOTE, INTENT }

    public JournalEntry {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        type = type == null ? "" : type;
        text = text == null ? "" : text;
    }
}
