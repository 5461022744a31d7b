package io.redpair.store;

import io.redpair.pair.BoxId;
import java.time.Instant;
import java.util.Optional;

/**
 * What the journal knows about a pair when a supervisor starts: the epoch to continue from, the box it last
 * made active, any failover or switchover that was still in flight when the previous run ended, and when the
 * last automatic failover began (the hold-down outlives a restart).
 */
public record Reconciliation(String pairId, long epoch, Optional<BoxId> activeBox, Optional<Intent> openIntent,
                             Optional<Instant> lastAutomaticFailover) {

    /** Without a journalled automatic failover (a new pair, tests). */
    public Reconciliation(String pairId, long epoch, Optional<BoxId> activeBox, Optional<Intent> openIntent) {
        this(pairId, epoch, activeBox, openIntent, Optional.empty());
    }
}
