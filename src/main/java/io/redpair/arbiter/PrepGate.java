package io.redpair.arbiter;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Select-before-operate on the device: at most one prepared command, valid for 3000 ms. Nonces run
 * through a full-period sequence (an odd-step walk over 16 bits from a random start), so a nonce is not
 * issued again before 65,536 PREPs: a replayed old EXEC can never match a newer PREP by chance.
 * Cancelled and expired nonces are remembered briefly so their EXEC gets E11 rather than E06.
 */
final class PrepGate {

    static final long TTL_MS = 3000;
    private static final int REMEMBERED = 16;

    /** What EXEC finds. */
    enum Lookup { READY, EXPIRED_OR_CANCELLED, UNKNOWN }

    private record Pending(int nonce, ArbiterCommand.Dangerous command, long deadlineNanos) {
    }

    private final Deque<Integer> cancelled = new ArrayDeque<>();
    private final int step;
    private int cursor;
    private Pending pending;

    PrepGate(java.util.Random random) {
        this.cursor = random.nextInt(0x10000);
        this.step = (random.nextInt(0x8000) << 1) | 1;
    }

    int prepare(ArbiterCommand.Dangerous command, long now) {
        cancel();
        cursor = (cursor + step) & 0xFFFF;
        pending = new Pending(cursor, command, now + TTL_MS * 1_000_000L);
        return cursor;
    }

    /** Any state-changing command other than EXEC of this nonce cancels the prepared one. */
    void cancel() {
        if (pending != null) {
            remember(pending.nonce);
            pending = null;
        }
    }

    Lookup lookup(int nonce, long now) {
        if (pending != null && pending.nonce == nonce) {
            if (now - pending.deadlineNanos > 0) {
                cancel();
                return Lookup.EXPIRED_OR_CANCELLED;
            }
            return Lookup.READY;
        }
        return cancelled.contains(nonce) ? Lookup.EXPIRED_OR_CANCELLED : Lookup.UNKNOWN;
    }

    /** Consumes the prepared command (after lookup returned READY). */
    ArbiterCommand.Dangerous take() {
        ArbiterCommand.Dangerous c = pending.command;
        pending = null;
        return c;
    }

    void reset() {
        pending = null;
        cancelled.clear();
    }

    private void remember(int nonce) {
        cancelled.addLast(nonce);
        if (cancelled.size() > REMEMBERED) {
            cancelled.removeFirst();
        }
    }
}
