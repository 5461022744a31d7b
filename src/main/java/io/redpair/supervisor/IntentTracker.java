package io.redpair.supervisor;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.failover.PairCommand;
import io.redpair.failover.PairEvent.CommandCompleted;
import io.redpair.failover.PairState;
import io.redpair.pair.BoxId;
import io.redpair.store.Intent;
import io.redpair.store.Journal;
import io.redpair.store.JournalException;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the decider's state changes into the journal's intent records: a takeover is opened when the state
 * enters a step with a new epoch, each verified box command is a step result, and the takeover is closed
 * (completed or aborted) when the step returns to NONE. The active box is journalled whenever it changes, so
 * a restarted supervisor knows whom to keep in a split brain.
 */
final class IntentTracker {

    private static final Logger LOG = LoggerFactory.getLogger(IntentTracker.class);

    private final String pairId;
    private final Journal journal;
    private final LongSupplier nanoClock;
    private BoxId journalledActive;
    private long openEpoch = -1;
    private BoxId openTarget;
    /** The decider's last automatic failover time already journalled (or seeded from the journal). */
    private OptionalLong journalledAuto = OptionalLong.empty();

    IntentTracker(String pairId, Journal journal, LongSupplier nanoClock, BoxId journalledActive) {
        this.pairId = pairId;
        this.journal = journal;
        this.nanoClock = nanoClock;
        this.journalledActive = journalledActive;
    }

    /** The hold-down anchor the starting state was seeded with: not journalled a second time. */
    void seeded(PairState initial) {
        journalledAuto = initial.lastAutoFailoverNanos();
    }

    void onTransition(PairState now) {
        try {
            if (now.lastAutoFailoverNanos().isPresent() && !now.lastAutoFailoverNanos().equals(journalledAuto)) {
                journal.recordAutomaticFailover(pairId, now.epoch(), now.reason(), nanoClock.getAsLong());
                journalledAuto = now.lastAutoFailoverNanos();
            }
            if (now.step() != FailoverStep.NONE && now.target() != null && openEpoch != now.epoch()) {
                closeOpen(now, false);
                Intent.Kind kind = now.mode() == Mode.SWITCHING_OVER ? Intent.Kind.SWITCHOVER : Intent.Kind.FAILOVER;
                journal.beginIntent(pairId, kind, now.epoch(), now.target().other(), now.target(), nanoClock.getAsLong());
                openEpoch = now.epoch();
                openTarget = now.target();
            }
            if (now.step() == FailoverStep.NONE) {
                closeOpen(now, now.active() == openTarget);
            }
            if (now.active() != null && now.active() != journalledActive && now.step() == FailoverStep.NONE
                    && (now.mode() == Mode.PROTECTED || now.mode() == Mode.UNPROTECTED)) {
                journal.recordActive(pairId, now.active(), now.epoch(), nanoClock.getAsLong());
                journalledActive = now.active();
            }
        } catch (JournalException e) {
            LOG.error("pair {} intent journal write failed: {}", pairId, e.getMessage());
        }
    }

    /** Closes the open intent, if any: completed, or aborted (also when superseded by a newer epoch). */
    private void closeOpen(PairState now, boolean completed) {
        if (openEpoch < 0) {
            return;
        }
        journal.endIntent(pairId, openEpoch, completed ? Intent.Status.COMPLETED : Intent.Status.ABORTED,
                now.mode() + ": " + now.reason(), nanoClock.getAsLong());
        openEpoch = -1;
        openTarget = null;
    }

    void onCompleted(CommandCompleted c) {
        if (openEpoch < 0) {
            return;
        }
        String step;
        if (c.command() instanceof PairCommand.StopFlows s) {
            step = "stop-" + s.box();
        } else if (c.command() instanceof PairCommand.StartFlows s) {
            step = "start-" + s.box();
        } else {
            return;
        }
        try {
            journal.stepCompleted(pairId, openEpoch, step, c.ok(), c.detail(), nanoClock.getAsLong());
        } catch (JournalException e) {
            LOG.error("pair {} step journal write failed: {}", pairId, e.getMessage());
        }
    }
}
