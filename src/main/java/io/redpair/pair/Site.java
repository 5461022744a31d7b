package io.redpair.pair;

import io.redpair.pair.approval.ApprovalSettings;
import java.util.List;
import java.util.Optional;

/**
 * A site: a named set of pairs watched by one supervisor, and its rule for deliberate actions
 * ({@code "approvals"}; single person with a typed confirmation unless the site asks for two).
 */
public record Site(String name, List<Pair> pairs, ApprovalSettings approvals) {
    public Site {
        pairs = List.copyOf(pairs);
        approvals = approvals == null ? ApprovalSettings.singlePerson() : approvals;
    }

    /** A site with the default approval rule (one person, typed confirmation). */
    public Site(String name, List<Pair> pairs) {
        this(name, pairs, null);
    }

    public Optional<Pair> pair(String id) {
        return pairs.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
