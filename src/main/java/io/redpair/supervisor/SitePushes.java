package io.redpair.supervisor;

import io.redpair.flows.push.PairBoxes;
import io.redpair.flows.push.PushRefusedException;
import io.redpair.nodered.NodeRedEndpoint;
import io.redpair.nodered.Timeouts;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.store.SecretResolver;
import java.util.EnumMap;
import java.util.Map;

/**
 * Opens a pair's boxes for a push ({@link PairBoxes}) with the site's credentials and the push timeouts. The CLI
 * ({@code push}, {@code rollback}) and the console's push wizard both come through here.
 */
public final class SitePushes {

    private SitePushes() {
    }

    /** Reads both boxes of the pair (blocking). */
    public static PairBoxes readBoxes(Pair pair, SecretResolver secrets) throws PushRefusedException {
        Map<BoxId, NodeRedEndpoint> endpoints = new EnumMap<>(BoxId.class);
        for (BoxId box : BoxId.values()) {
            try {
                // push timeouts, not the probes': a deploy of thousands of nodes takes seconds
                endpoints.put(box, NodeRedBoxPort.endpoint(pair, box, secrets).withTimeouts(Timeouts.defaults()));
            } catch (IllegalArgumentException e) {
                throw new PushRefusedException(PushRefusedException.Kind.BAD_INPUT, e.getMessage());
            }
        }
        return PairBoxes.read(pair.id(), endpoints);
    }

}
