package io.redpair.pair;

import io.redpair.pair.approval.ApprovalSettings;
import java.util.List;
import java.util.Optional;

/**
 * A site: a named set of pairs watched by one supervisor, its rule for deliberate actions
 * ({@code "approvals"}; single person with a typed confirmation unless the site asks for two) and where
 * new secrets go ({@code "secretStore"}; the vault unless the site says keychain).
 */
public record Site(String name, List<Pair> pairs, ApprovalSettings approvals, SecretStoreKind secretStore) {
    public Site {
        pairs = List.copyOf(pairs);
        approvals = approvals == null ? ApprovalSettings.singlePerson() : approvals;
        secretStore = secretStore == null ? SecretStoreKind.VAULT : secretStore;
    }

    /** A site whose new secrets go to the vault. */
    public Site(String name, List<Pair> pairs, ApprovalSettings approvals) {
        this(name, pairs, approvals, null);
    }

    /** The same site with other pairs (everything else kept). */
    public Site withPairs(List<Pair> newPairs) {
        return new Site(name, newPairs, approvals, secretStore);
    }

    /** A site with the default approval rule (one person, typed confirmation). */
    public Site(String name, List<Pair> pairs) {
        this(name, pairs, null);
    }

    public Optional<Pair> pair(String id) {
        return pairs.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
