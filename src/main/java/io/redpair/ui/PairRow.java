package io.redpair.ui;

import io.redpair.failover.Mode;
import io.redpair.pair.Pair;
import java.util.Objects;

/**
 * One line of the sidebar's pair list: the pair, the mode the supervisor last reported ({@code null}: nothing
 * decides for it yet) and whether its boxes' flows differ (a warning shown beside the badge, never instead of
 * it: a drifted pair can still be protected). Immutable; the list is replaced, never patched.
 */
public record PairRow(Pair pair, Mode mode, boolean drift) {
    public PairRow {
        Objects.requireNonNull(pair, "pair");
    }

    public PairRow(Pair pair, Mode mode) {
        this(pair, mode, false);
    }

    /** The drift badge: the same words on the sidebar and on the pair's banner. */
    public static final PairBadge DRIFT = new PairBadge("Flows differ", PairBadge.Level.WARNING);

    /** The name the engineer gave the pair, or its id when it has none. */
    public String title() {
        return pair.name() == null || pair.name().isBlank() ? pair.id() : pair.name();
    }

    public PairBadge badge() {
        return PairBadge.of(mode);
    }
}
