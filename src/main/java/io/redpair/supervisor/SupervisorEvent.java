package io.redpair.supervisor;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import java.time.Instant;

/**
 * What happened in the supervisor, published to subscribers (GUI, CLI event printer). Past tense; immutable.
 * {@link #type()} is the stable name used in {@code supervise --events jsonl}.
 */
public sealed interface SupervisorEvent {

    Instant at();

    /** The pair concerned, or null for site-wide events. */
    String pairId();

    String type();

    /** The pair changed mode, active box, epoch or takeover step. */
    record StateChanged(Instant at, String pairId, Mode from, Mode to, BoxId active, long epoch, FailoverStep step,
                        BoxId target, String reason) implements SupervisorEvent {
        @Override
        public String type() {
            return "state";
        }
    }

    /** The health model changed its verdict on a box. */
    record BoxConditionChanged(Instant at, String pairId, BoxId box, BoxCondition from, BoxCondition to,
                               String detail) implements SupervisorEvent {
        @Override
        public String type() {
            return "box-condition";
        }
    }

    /**
     * A timeline note from the decision core; {@code noteType} is one of failover-started, failover-step,
     * failover-completed, failover-aborted, operator-needed, split-brain, decision, audit, refused.
     */
    record Noted(Instant at, String pairId, long epoch, String noteType, String text) implements SupervisorEvent {
        @Override
        public String type() {
            return noteType;
        }
    }

    /** Something a human must look at now. */
    record Alarmed(Instant at, String pairId, long epoch, String text) implements SupervisorEvent {
        @Override
        public String type() {
            return "alarm";
        }
    }

    /** A box command finished (verified or not). */
    record CommandFinished(Instant at, String pairId, long epoch, String command, BoxId box, boolean ok,
                           long durationMs, String detail) implements SupervisorEvent {
        @Override
        public String type() {
            return "command";
        }
    }

    /** The supervisor itself was paused (GC, sleep, SIGSTOP); convictions are suppressed for one window. */
    record LocalPauseDetected(Instant at, String pairId, long gapMs, long suppressMs) implements SupervisorEvent {
        @Override
        public String type() {
            return "local-pause";
        }
    }

    /** An operator request arrived (switchover, failover override, maintenance) and how it was answered. */
    record OperatorRequested(Instant at, String pairId, String action, String user, boolean accepted,
                             String detail) implements SupervisorEvent {
        @Override
        public String type() {
            return "operator";
        }
    }
}
