package io.redpair.supervisor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The whole site at one moment, immutable; what subscribers and {@code status} receive. */
public record SiteSnapshot(String site, Instant at, boolean supervised, List<PairSnapshot> pairs) {
    public SiteSnapshot {
        pairs = List.copyOf(pairs);
    }

    public Optional<PairSnapshot> pair(String id) {
        return pairs.stream().filter(p -> p.pairId().equals(id)).findFirst();
    }
}
