package io.redpair.supervisor;

import io.redpair.flows.push.PairBoxes;
import io.redpair.flows.push.PushJournal;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushProgress;
import io.redpair.flows.push.PushRefusedException;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.PushSnapshots;
import io.redpair.nodered.NodeRedEndpoint;
import io.redpair.nodered.Timeouts;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.SecretResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Binds a push ({@link PairBoxes}) to a site: the boxes are reached with the site's credentials, snapshots are
 * kept next to the site file and the push is journalled in the site's journal as an operator action of the OS
 * user. The CLI ({@code push}, {@code rollback}) and the console's push wizard both come through here, so a push
 * looks the same in the journal whoever made it.
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

    /** Snapshots, journals and executes {@code plan} (blocking); see {@link PairBoxes#execute}. */
    public static PushResult execute(Path siteFile, PairBoxes boxes, PushPlan plan, String action,
                                     PushProgress progress) throws IOException {
        try (Journal journal = Journal.open(Journal.fileFor(siteFile))) {
            long epoch = journal.currentEpoch(boxes.pairId());
            Actor actor = Actor.current();
            PushJournal entries = (type, text) -> journal.recordOperator(boxes.pairId(), System.nanoTime(), epoch,
                    type, text, actor);
            return boxes.execute(plan, action, PushSnapshots.nextTo(siteFile), entries, progress);
        }
    }
}
