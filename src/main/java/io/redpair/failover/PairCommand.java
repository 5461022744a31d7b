package io.redpair.failover;

import io.redpair.pair.BoxId;
import java.util.Objects;

/**
 * Outputs of the decision core, executed in order by the supervisor runtime. Imperative names. Arbiter
 * commands (fence a box, select the field I/O output) are emitted only under fencing=ARBITER.
 */
public sealed interface PairCommand {

    /** Write the new epoch durably BEFORE executing any later command of the same step. */
    record PersistEpoch(long epoch, String reason) implements PairCommand {
    }

    /**
     * POST stop, then verify: state re-read says stop and the canary is gone. Complete ok only when
     * confirmed; a refused connection is reported as not ok with that detail.
     */
    record StopFlows(BoxId box, long epoch) implements PairCommand {
        public StopFlows {
            Objects.requireNonNull(box, "box");
        }
    }

    /** POST start, then verify the canary answers (or, without a canary, the state reads start). */
    record StartFlows(BoxId box, long epoch) implements PairCommand {
        public StartFlows {
            Objects.requireNonNull(box, "box");
        }
    }

    /**
     * PREP/EXEC {@code FENCE box mode=OFF} with the decision's epoch. Complete ok only when the reply says
     * fenced AND the arbiter's power sense of the box reads 0; an E05 answer is reported as
     * {@link PairEvent.ArbiterEpochRejected} instead.
     */
    record FenceBox(BoxId box, long epoch) implements PairCommand {
        public FenceBox {
            Objects.requireNonNull(box, "box");
        }
    }

    /**
     * PREP/EXEC {@code SELECT box} with the decision's epoch: connect this box's outputs to the field.
     * Complete ok only when the relay feedback reads the new selection (a FAULT is not ok).
     */
    record SelectOutput(BoxId box, long epoch) implements PairCommand {
        public SelectOutput {
            Objects.requireNonNull(box, "box");
        }
    }

    /** Tell a human now (notification, alarm list); plain language. */
    record RaiseAlarm(String text) implements PairCommand {
    }

    /**
     * A line for the journal/timeline, plain language. Types used: decision, failover-started,
     * failover-step, failover-completed, failover-aborted, operator-needed, split-brain, audit, refused.
     */
    record RecordNote(String type, String text) implements PairCommand {
    }
}
