package io.redpair.pair;

import java.util.List;
import java.util.Optional;

/** A site: a named set of pairs watched by one supervisor. */
public record Site(String name, List<Pair> pairs) {
    public Site {
        pairs = List.copyOf(pairs);
    }

    public Optional<Pair> pair(String id) {
        return pairs.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
