package io.redpair.ui.push;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowSources;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.push.PairBoxes;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushProgress;
import io.redpair.flows.push.PushRefusedException;
import io.redpair.flows.push.PushRefusedException.Kind;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.PushSnapshots;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Role;
import io.redpair.store.SecretResolver;
import io.redpair.supervisor.SitePushes;
import io.redpair.ui.site.SiteConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The push wizard's port onto the open site: the pair's boxes are reached with the site's credentials, the push
 * is the same {@link SitePushes} code {@code redpair push} runs (snapshots next to the site file, journal entries
 * as the OS user), whether this console runs the supervisor or is attached to a headless one. The supervisor
 * itself never deploys flows; it keeps deciding during the push, and a takeover makes the next step fail its
 * flow-state check instead of deploying blindly.
 */
public final class SitePushPort implements PushPort {

    private final SiteConnection connection;
    private final SecretResolver secrets;

    public SitePushPort(SiteConnection connection, SecretResolver secrets) {
        this.connection = connection;
        this.secrets = secrets;
    }

    @Override
    public FlowSet loadSource(String spec) throws FlowsFormatException, FlowSourceException {
        return FlowSources.load(spec.strip());
    }

    @Override
    public PlannedPush planPush(String pairId, FlowSet source) throws PushRefusedException {
        PairBoxes boxes = open(pairId);
        return new Planned(boxes, boxes.planPush(source));
    }

    @Override
    public PlannedPush planRollback(String pairId) throws PushRefusedException {
        Map<BoxId, FlowSet> kept = PushSnapshots.nextTo(siteFile()).complete(pairId);
        PairBoxes boxes = open(pairId);
        return new Planned(boxes, boxes.planRollback(kept));
    }

    private PairBoxes open(String pairId) throws PushRefusedException {
        siteFile();
        Pair pair = connection.site().pair(pairId).orElseThrow(() -> new PushRefusedException(Kind.BAD_INPUT,
                "the site has no pair \"" + pairId + "\""));
        return SitePushes.readBoxes(pair, secrets);
    }

    private Path siteFile() throws PushRefusedException {
        Path file = connection.siteLocation();
        if (file == null) {
            throw new PushRefusedException(Kind.BAD_INPUT, "this console has no site file to keep push snapshots and"
                    + " journal entries next to");
        }
        return file;
    }

    /** A plan and the boxes it was read from. */
    private final class Planned implements PlannedPush {

        private final PairBoxes boxes;
        private final PushPlan plan;

        Planned(PairBoxes boxes, PushPlan plan) {
            this.boxes = boxes;
            this.plan = plan;
        }

        @Override
        public PushPlan plan() {
            return plan;
        }

        @Override
        public List<NodeLinks.Editor> editors() {
            Pair pair = connection.site().pair(boxes.pairId()).orElseThrow();
            return boxes.current().keySet().stream()
                    .sorted(Comparator.comparing((BoxId b) -> boxes.roles().get(b) != Role.ACTIVE))
                    .map(b -> new NodeLinks.Editor(pair.box(b).url(), boxes.current().get(b))).toList();
        }

        @Override
        public PushResult execute(String action, PushProgress progress) throws IOException {
            try {
                return SitePushes.execute(siteFile(), boxes, plan, action, progress);
            } catch (PushRefusedException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            boxes.close();
        }
    }
}
