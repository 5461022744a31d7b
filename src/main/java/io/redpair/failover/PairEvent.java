package io.redpair.failover;

import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import java.util.Objects;

/** Inputs of the decision core. Past tense: each one is something that already happened. */
public sealed interface PairEvent {

    /**
     * The health model's verdict on a box (sent when it changes, may be repeated).
     *
     * @param detail plain-language evidence, e.g. "connection refused: 4 heartbeats missed (1.0 s)"
     */
    record BoxObserved(BoxId box, BoxCondition condition, String detail) implements PairEvent {
        public BoxObserved {
            Objects.requireNonNull(box, "box");
            Objects.requireNonNull(condition, "condition");
            detail = detail == null ? "" : detail;
        }
    }

    /** The arbiter's latest STATUS (or a link up/down event); sent when it changes. */
    record ArbiterObserved(ArbiterView view) implements PairEvent {
        public ArbiterObserved {
            Objects.requireNonNull(view, "view");
        }
    }

    /**
     * The arbiter refused a FENCE/SELECT with E05: its epoch is newer than the command's (another console
     * acted). Replaces the CommandCompleted of that command. The sequence stops; the newer epoch is adopted.
     */
    record ArbiterEpochRejected(PairCommand command, long arbiterEpoch) implements PairEvent {
        public ArbiterEpochRejected {
            Objects.requireNonNull(command, "command");
        }
    }

    /** Time passed (grace, suspect window and maintenance expiry are judged on ticks). */
    record Tick() implements PairEvent {
    }

    /**
     * A command finished. For StopFlows/StartFlows, {@code ok} means verified (not merely "HTTP 200").
     * The runtime must deliver exactly one completion per StopFlows/StartFlows, with ok=false on timeout.
     */
    record CommandCompleted(PairCommand command, boolean ok, String detail) implements PairEvent {
        public CommandCompleted {
            Objects.requireNonNull(command, "command");
            detail = detail == null ? "" : detail;
        }
    }

    /** An engineer asked for a planned switchover; {@code to} null means "the spare". */
    record SwitchoverRequested(BoxId to, String user) implements PairEvent {
    }

    /** An engineer confirmed that a box is off (audited); replaces the fence for that box. */
    record OperatorConfirmedOff(BoxId box, String user, String reason) implements PairEvent {
        public OperatorConfirmedOff {
            Objects.requireNonNull(box, "box");
        }
    }

    /** Maintenance until the given monotonic time. */
    record MaintenanceRequested(long untilNanos, String user) implements PairEvent {
    }

    record MaintenanceEnded(String user) implements PairEvent {
    }
}
