package io.redpair.flows.push;

/**
 * A push or rollback that cannot start: the pair is in no state to be pushed to, a box cannot be read, or the input
 * is unusable. Nothing was changed on any box when this is thrown. The kind lets the CLI pick its exit code and
 * the console its wording.
 */
public final class PushRefusedException extends Exception {

    /** Why the push cannot start. */
    public enum Kind {
        /** The site file, the pair or the snapshots are unusable. */
        BAD_INPUT,
        /** A box (or the source) does not answer. */
        UNREACHABLE,
        /** The pair's state forbids it (both boxes run flows, safe mode, a takeover in progress). */
        REFUSED
    }

    private final Kind kind;

    public PushRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
