package io.redpair.pair.approval;

import java.time.Duration;
import java.util.Objects;

/**
 * A site's rule for deliberate actions, from {@code "approvals": {"twoPerson": true, "windowS": 300}}.
 * Without the key a site has {@link #singlePerson()}: a typed confirmation only.
 */
public record ApprovalSettings(boolean twoPerson, Duration window) {

    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(300);

    public ApprovalSettings {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("approvals.windowS must be between 1 and 86400 seconds, got " + window.toSeconds());
        }
    }

    public static ApprovalSettings singlePerson() {
        return new ApprovalSettings(false, DEFAULT_WINDOW);
    }
}
