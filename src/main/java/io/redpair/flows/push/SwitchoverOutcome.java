package io.redpair.flows.push;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SwitchoverPort} answers.
 *
 * @param completed      true only when the new active runs flows and the old active's flows are stopped
 * @param detail         for the engineer: the supervisor's answer, or why it failed (never a secret)
 * @param supervisorGap  the gap the supervisor itself reported (stop confirmed → start confirmed), if any;
 *                       the push shows its own canary measurement and falls back to this one
 */
public record SwitchoverOutcome(boolean completed, String detail, Optional<Duration> supervisorGap) {

    public SwitchoverOutcome {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(supervisorGap, "supervisorGap");
    }

    public static SwitchoverOutcome completed(String detail) {
        return new SwitchoverOutcome(true, detail, Optional.empty());
    }

    public static SwitchoverOutcome failed(String detail) {
        return new SwitchoverOutcome(false, detail, Optional.empty());
    }
}
