package io.redpair.ui.actions;

import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.supervisor.control.ControlRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the control requests the console sends, each signed with the OS user and host (the supervisor
 * journals them), and checks the operator override's typed confirmation. Pure.
 */
public final class ConsoleRequests {

    /** The reason must say something an auditor can read later, not "ok". */
    static final int MIN_REASON = 10;

    private final Actor actor;

    public ConsoleRequests(Actor actor) {
        this.actor = actor;
    }

    public ControlRequest switchover(String pairId, BoxId to) {
        return new ControlRequest(null, ControlRequest.SWITCHOVER, pairId, to.name(), null, null, null, null,
                actor.user(), actor.host());
    }

    public ControlRequest maintenanceOn(String pairId, Duration length) {
        return new ControlRequest(null, ControlRequest.MAINTENANCE, pairId, null, true, length.toMillis(), null, null,
                actor.user(), actor.host());
    }

    public ControlRequest maintenanceOff(String pairId) {
        return new ControlRequest(null, ControlRequest.MAINTENANCE, pairId, null, false, null, null, null,
                actor.user(), actor.host());
    }

    /** The override: the operator confirms the old active is off; {@link #overrideProblem} must be empty. */
    public ControlRequest override(String pairId, String reason) {
        return new ControlRequest(null, ControlRequest.FAILOVER, pairId, null, null, null, true, reason.strip(),
                actor.user(), actor.host());
    }

    /**
     * Why the override form cannot be sent yet, or empty when it can: the operator must type the name of the
     * box that is off (the current active) exactly, and a reason of at least {@value #MIN_REASON} characters.
     */
    public static Optional<String> overrideProblem(BoxId off, String typedBox, String reason) {
        String typed = typedBox == null ? "" : typedBox.strip().toUpperCase(Locale.ROOT);
        if (!typed.equals(off.name())) {
            return Optional.of("Type " + off.name() + " to confirm that box " + off.name() + " is off");
        }
        if (reason == null || reason.strip().length() < MIN_REASON) {
            return Optional.of("Say why (at least " + MIN_REASON + " characters): it goes into the journal");
        }
        return Optional.empty();
    }

    public Actor actor() {
        return actor;
    }
}
