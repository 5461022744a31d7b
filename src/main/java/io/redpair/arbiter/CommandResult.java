package io.redpair.arbiter;

/**
 * The outcome of a dangerous command (PREP then EXEC). Only {@link Done} means the device acted;
 * {@link LinkDown} with {@code outcomeUnknown} means EXEC was sent but never answered, so the caller
 * must read STATUS before believing either way.
 */
public sealed interface CommandResult {

    default boolean isDone() {
        return this instanceof Done;
    }

    /** Words for a journal line or an operator: the code and what it means on this device. */
    default String describe() {
        if (this instanceof StaleEpoch s) {
            return "E05 STALE_EPOCH: the device holds epoch " + s.current();
        } else if (this instanceof Interlock i) {
            return "E08 INTERLOCK why=" + i.why();
        } else if (this instanceof NotPrepared) {
            return "E06 NOT_PREPARED: the device has no matching PREP (it rebooted, or another command came between)";
        } else if (this instanceof NonceExpired) {
            return "E11 NONCE_EXPIRED: the PREP expired or was cancelled";
        } else if (this instanceof Busy) {
            return "E07 BUSY: another host holds the session";
        } else if (this instanceof LocalMode) {
            return "E09 LOCAL_MODE: the key switch is in LOCAL";
        } else if (this instanceof LinkDown l) {
            return "no answer (" + l.reason() + (l.outcomeUnknown() ? "; EXEC was sent, outcome unknown)" : ")");
        } else if (this instanceof Refused r) {
            return r.code() + " " + r.message();
        }
        return "done";
    }

    /** The device executed the command; {@code reply} is its OK reply (e.g. sel, rfb, epoch). */
    record Done(Frame.Ok reply) implements CommandResult {
    }

    /** E05: the device has seen a newer epoch; this console's decision is stale. */
    record StaleEpoch(long current) implements CommandResult {
    }

    /** E08: refused by an interlock; {@code why} is NOPOWER, RFB or FENCED. */
    record Interlock(String why) implements CommandResult {
    }

    /** E06. */
    record NotPrepared() implements CommandResult {
    }

    /** E11: the PREP expired or another state-changing command cancelled it. */
    record NonceExpired() implements CommandResult {
    }

    /** E07: another host holds the session. */
    record Busy() implements CommandResult {
    }

    /** E09: the key switch is in LOCAL. */
    record LocalMode() implements CommandResult {
    }

    /** No answer. {@code outcomeUnknown} is true when EXEC itself went unanswered. */
    record LinkDown(String reason, boolean outcomeUnknown) implements CommandResult {
    }

    /** Any other refusal (E01-E04, E10, an unexpected reply, or a PREP echo that did not match). */
    record Refused(String code, String message) implements CommandResult {
    }

    /** Maps a device refusal to its result. */
    static CommandResult of(Frame.Error error) {
        ErrorCode code = error.errorCode();
        if (code == ErrorCode.E05) {
            String current = Field.find(error.details(), "epoch").orElse("-1");
            return new StaleEpoch(current.matches("[0-9]{1,18}") ? Long.parseLong(current) : -1);
        }
        if (code == ErrorCode.E08) {
            return new Interlock(Field.find(error.details(), "why").orElse("?"));
        }
        if (code == ErrorCode.E06) {
            return new NotPrepared();
        }
        if (code == ErrorCode.E11) {
            return new NonceExpired();
        }
        if (code == ErrorCode.E07) {
            return new Busy();
        }
        if (code == ErrorCode.E09) {
            return new LocalMode();
        }
        return new Refused(error.code(), error.msg());
    }
}
