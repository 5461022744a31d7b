package io.redpair.ui.push;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowSources;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.push.CanaryGuard;
import io.redpair.flows.push.PairBoxes;
import io.redpair.flows.push.PushBySwitchover;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushProgress;
import io.redpair.flows.push.PushRefusedException.Kind;
import io.redpair.flows.push.PushRefusedException;
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
import java.util.Optional;

/**
 * The push wizard's port onto the open site: the boxes are read with the site's credentials and the push runs the
 * same code as {@code redpair push} ({@link PairBoxes}: snapshots next to the site file, journal and audit records
 * as the OS user). A push by switchover asks the site's one actor for the switchover through the console's
 * {@link SiteConnection} ({@link ConnectionSwitchoverPort}), whether this console runs the supervisor or is attached
 * to a headless one. The supervisor never deploys flows; it keeps deciding during a push, and a takeover makes the
 * next step fail its flow-state check instead of deploying blindly.
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
        Optional<String> noCanary = CanaryGuard.missing(source, pair(pairId).heartbeatPath());
        if (noCanary.isPresent()) {
            throw new PushRefusedException(PushRefusedException.Kind.REFUSED, noCanary.get());
        }
        PairBoxes boxes = open(pairId);
        return new Planned(pair(pairId), boxes, boxes.planPush(source), false);
    }

    @Override
    public PlannedPush planRollback(String pairId) throws PushRefusedException {
        Map<BoxId, FlowSet> kept = PushSnapshots.nextTo(siteFile()).complete(pairId);
        PairBoxes boxes = open(pairId);
        return new Planned(pair(pairId), boxes, boxes.planRollback(kept), true);
    }

    private PairBoxes open(String pairId) throws PushRefusedException {
        siteFile();
        return SitePushes.readBoxes(pair(pairId), secrets);
    }

    private Pair pair(String pairId) throws PushRefusedException {
        return connection.site().pair(pairId).orElseThrow(() -> new PushRefusedException(Kind.BAD_INPUT,
                "the site has no pair \"" + pairId + "\""));
    }

    private Path siteFile() throws PushRefusedException {
        Path file = connection.location();
        if (file == null) {
            throw new PushRefusedException(Kind.BAD_INPUT, "this console has no site file to keep push snapshots and"
                    + " records next to");
        }
        return file;
    }

    /** A plan and the boxes it was read from. */
    private final class Planned implements PlannedPush {

        private final Pair pair;
        private final PairBoxes boxes;
        private final PushPlan plan;
        private final boolean rollback;

        Planned(Pair pair, PairBoxes boxes, PushPlan plan, boolean rollback) {
            this.pair = pair;
            this.boxes = boxes;
            this.plan = plan;
            this.rollback = rollback;
        }

        @Override
        public PushPlan plan() {
            return plan;
        }

        @Override
        public List<NodeLinks.Editor> editors() {
            return boxes.current().keySet().stream()
                    .sorted(Comparator.comparing((BoxId b) -> boxes.roles().get(b) != Role.ACTIVE))
                    .map(b -> new NodeLinks.Editor(pair.box(b).url(), boxes.current().get(b))).toList();
        }

        @Override
        public Optional<String> bySwitchoverUnavailable() {
            if (rollback) {
                return Optional.of("a rollback is always in place");
            }
            if (!pair.hasCanary()) {
                return Optional.of("the pair has no canary (heartbeatPath) to see the switchover done and measure it");
            }
            if (!boxes.roles().containsValue(Role.ACTIVE) || !boxes.roles().containsValue(Role.STANDBY)) {
                return Optional.of("it needs one box running flows and a spare; roles now: " + boxes.roles());
            }
            return Optional.empty();
        }

        @Override
        public PushResult execute(PlanText.Method method, PushProgress progress) throws IOException, InterruptedException {
            Path site;
            try {
                site = siteFile();
            } catch (PushRefusedException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (rollback || method == PlanText.Method.IN_PLACE) {
                return boxes.executeRecorded(site, plan, rollback ? "rollback" : "push",
                        (p, clients) -> io.redpair.flows.push.PushExecutor.execute(p, clients, progress));
            }
            ConnectionSwitchoverPort port = new ConnectionSwitchoverPort(connection, boxes.clients(), pair.heartbeatPath());
            return boxes.executeRecorded(site, plan, "push-by-switchover", (p, clients) ->
                    PushBySwitchover.execute(p, clients, port, pair.id(), pair.heartbeatPath(), progress));
        }

        @Override
        public void close() {
            boxes.close();
        }
    }
}
