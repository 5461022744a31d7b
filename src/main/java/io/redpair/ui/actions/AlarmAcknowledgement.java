package io.redpair.ui.actions;

import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * Which alarm of a pair the engineer has acknowledged in this console. Acknowledging silences the
 * reminder, it changes nothing in the engine; a newer alarm needs a new acknowledgement. Pure.
 */
public final class AlarmAcknowledgement {

    private Instant acknowledgedUpTo = Instant.MIN;

    /** The newest alarm not yet acknowledged, if any. */
    public Optional<SupervisorEvent.Alarmed> pending(PairSnapshot p) {
        if (p == null) {
            return Optional.empty();
        }
        for (int i = p.timeline().size() - 1; i >= 0; i--) {
            if (p.timeline().get(i) instanceof SupervisorEvent.Alarmed a) {
                return a.at().isAfter(acknowledgedUpTo) ? Optional.of(a) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Acknowledges every alarm up to and including the newest one in {@code p}. */
    public void acknowledge(PairSnapshot p) {
        pending(p).ifPresent(a -> acknowledgedUpTo = a.at());
    }
}
