package io.redpair.supervisor;

import io.redpair.health.ApiObservation;
import io.redpair.pair.BoxId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a box's changed TLS key into one alarm (issue 8 item 2): the first admin-API probe that meets an
 * untrusted key yields the alarm text; the following ones stay quiet until the box is trusted again (an
 * answer through the pinned key). The supervisor never re-trusts: only {@code redpair trust} changes pins.
 * Supervisor thread only.
 */
final class UntrustedKeyWatch {

    private final String pairId;
    private final Set<BoxId> untrusted = EnumSet.noneOf(BoxId.class);

    UntrustedKeyWatch(String pairId) {
        this.pairId = pairId;
    }

    /** The alarm text when {@code box} has just started to present an untrusted key, else empty. */
    Optional<String> onApi(BoxId box, ApiObservation o) {
        if (o.kind() == ApiObservation.Kind.UNTRUSTED_KEY) {
            return untrusted.add(box) ? Optional.of("Pair " + pairId + ": " + box + "'s " + o.detail()
                    + ". RedPair sends nothing to " + box + " and takes no automatic action on its account; check the"
                    + " box, then 'redpair trust --forget' and trust its key again") : Optional.empty();
        }
        if (o.kind().isAnswer()) {
            untrusted.remove(box);
        }
        return Optional.empty();
    }
}
