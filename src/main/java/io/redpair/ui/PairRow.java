package io.redpair.ui;

import io.redpair.failover.Mode;
import io.redpair.pair.Pair;
import java.util.Objects;

/**
 * One line of the sidebar's pair list: the pair and the mode the supervisor last reported
 * ({@code null}: nothing decides for it yet). Immutable; the list is replaced, never patched.
 */
public record PairRow(Pair pair, Mode mode) {
    public PairRow {
        Objects.requireNonNull(pair, "pair");
    }

    /** The name the engineer gave the pair, or its id when it has none. */
    public String title() {
        return pair.name() == null || pair.name().isBlank() ? pair.id() : pair.name();
    }

    public PairBadge badge() {
        return PairBadge.of(mode);
    }
}
