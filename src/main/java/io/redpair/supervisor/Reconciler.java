package io.redpair.supervisor;

import io.redpair.pair.BoxId;
import io.redpair.store.Intent;
import io.redpair.store.Journal;
import io.redpair.store.Reconciliation;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up reconciliation from the journal. The journal says what RedPair last decided; the boxes' real state
 * (probed before anything is started — the decider's STARTING mode) says what is true. The journal only
 * contributes the epoch to continue from and a hint of which box should stay active in a split brain; an
 * interrupted takeover is closed as aborted, never replayed blindly.
 */
final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private Reconciler() {
    }

    /**
     * The box the previous run meant to be active: the target of an interrupted takeover whose old active was
     * already confirmed stopped (the takeover was past its point of no return), else the journalled active.
     */
    static BoxId activeHint(Reconciliation r) {
        if (r.openIntent().isPresent()) {
            Intent i = r.openIntent().get();
            boolean pastStop = i.lastStep().map(s -> s.startsWith("stop-") || s.startsWith("start-")).orElse(false)
                    && i.lastStepOk();
            if (pastStop) {
                return i.to();
            }
        }
        return r.activeBox().orElse(null);
    }

    /**
     * The journalled start of the last automatic failover on the monotonic clock of this run, so that the
     * hold-down outlives a restart. A journal time in the future (the wall clock was set back) counts as
     * "just now": when in doubt the hold-down holds, and a second failure goes to the operator.
     */
    static OptionalLong lastAutoFailover(Reconciliation r, Instant wallNow, long nowNanos) {
        if (r.lastAutomaticFailover().isEmpty()) {
            return OptionalLong.empty();
        }
        long agoNanos = Math.max(0, Duration.between(r.lastAutomaticFailover().get(), wallNow).toNanos());
        return OptionalLong.of(nowNanos - agoNanos);
    }

    /** Reads the journal for a pair and closes an interrupted takeover; logs what was found. */
    static Reconciliation reconcile(Journal journal, String pairId, long nowNanos) {
        Reconciliation r = journal.reconciliation(pairId);
        r.openIntent().ifPresent(i -> {
            String text = "RedPair stopped during " + i.kind().name().toLowerCase() + " " + i.from() + " -> " + i.to()
                    + " (epoch " + i.epoch() + ", last step " + i.lastStep().orElse("none")
                    + (i.lastStepOk() ? " ok" : " not confirmed") + "); reconciling from the boxes' real state";
            LOG.warn("pair {} epoch {} {}", pairId, r.epoch(), text);
            journal.endIntent(pairId, i.epoch(), Intent.Status.ABORTED, text, nowNanos);
        });
        LOG.info("pair {} epoch {} journal: last active {}, starting reconciliation", pairId, r.epoch(),
                r.activeBox().map(Enum::name).orElse("none"));
        return r;
    }
}
