package io.redpair.store;

import io.redpair.pair.BoxId;
import java.util.Optional;

/**
 * What the journal knows about a pair when a supervisor starts: the epoch to continue from, the box it last
 * made active and any failover or switchover that was still in flight when the previous run ended.
 */
public record Reconciliation(String pairId, long epoch, Optional<BoxId> activeBox, Optional<Intent> openIntent) {
}
