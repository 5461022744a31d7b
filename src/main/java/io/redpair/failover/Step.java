package io.redpair.failover;

import java.util.List;
import java.util.Objects;

/**
 * The output of one decision: the next state and the commands to execute, in order. The runtime must
 * persist a {@link PairCommand.PersistEpoch} before executing any later command of the same step.
 */
public record Step(PairState state, List<PairCommand> commands) {
    public Step {
        Objects.requireNonNull(state, "state");
        commands = List.copyOf(commands);
    }
}
