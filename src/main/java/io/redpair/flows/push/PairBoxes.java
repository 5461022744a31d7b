package io.redpair.flows.push;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowSources;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.push.PushRefusedException.Kind;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.NodeRedEndpoint;
import io.redpair.nodered.Outcome;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A pair's two boxes as a push finds them: their flows and their roles, taken from what they do (the box running
 * flows is active), and the clients to deploy with. What {@code redpair push}, {@code redpair rollback} and the
 * console's push wizard share, so the three behave the same.
 *
 * <p>Refuses when both boxes run flows (split brain) or a box is in safe mode, where any deploy would start its
 * flows. Roles are read, not taken from a supervisor, so a push also works while nothing supervises
 * (commissioning); with a supervisor running, a takeover during the push makes the next step fail its flow-state
 * check instead of deploying blindly (ADR 0053).
 */
public final class PairBoxes implements AutoCloseable {

    private final String pairId;
    private final Map<BoxId, NodeRedClient> clients = new EnumMap<>(BoxId.class);
    private final Map<BoxId, Role> roles = new EnumMap<>(BoxId.class);
    private final Map<BoxId, FlowSet> current = new EnumMap<>(BoxId.class);

    private PairBoxes(String pairId) {
        this.pairId = pairId;
    }

    /** Reads both boxes now (blocking HTTP: never on a UI thread). */
    public static PairBoxes read(String pairId, Map<BoxId, NodeRedEndpoint> endpoints) throws PushRefusedException {
        PairBoxes boxes = new PairBoxes(pairId);
        try {
            for (BoxId box : BoxId.values()) {
                boxes.readBox(box, endpoints.get(box));
            }
            if (boxes.roles.values().stream().allMatch(r -> r == Role.ACTIVE)) {
                throw new PushRefusedException(Kind.REFUSED, "both boxes run flows (split brain?); resolve that first");
            }
            return boxes;
        } catch (PushRefusedException | RuntimeException e) {
            boxes.close();
            throw e;
        }
    }

    private void readBox(BoxId box, NodeRedEndpoint endpoint) throws PushRefusedException {
        NodeRedClient client = NodeRedClient.create(endpoint);
        clients.put(box, client);
        Outcome<FlowsState> state = client.flowsState();
        if (!state.isOk()) {
            throw new PushRefusedException(Kind.UNREACHABLE, "box " + box + ": cannot read its flow state: " + state.describe());
        }
        if (state.value() == FlowsState.SAFE) {
            throw new PushRefusedException(Kind.REFUSED, "box " + box + " is in safe mode, where any deploy starts its flows");
        }
        roles.put(box, state.value() == FlowsState.START ? Role.ACTIVE : Role.STANDBY);
        try {
            current.put(box, FlowSources.fromNodeRed(endpoint, "box " + box));
        } catch (FlowSourceException e) {
            throw new PushRefusedException(Kind.UNREACHABLE, e.getMessage());
        } catch (FlowsFormatException e) {
            throw new PushRefusedException(Kind.BAD_INPUT, e.getMessage());
        }
    }

    /** Both boxes to the source's flows, the spare first. */
    public PushPlan planPush(FlowSet source) {
        return PushPlan.of(source, roles, current);
    }

    /** Each box back to its own flows from a snapshot ({@link PushSnapshots#complete}), the spare first. */
    public PushPlan planRollback(Map<BoxId, FlowSet> kept) {
        return PushPlan.perBox(kept.get(BoxId.A), kept, roles, current);
    }

    /**
     * Snapshots what the boxes have (a rollback needs it), journals the plan with its revisions, executes it and
     * journals the outcome, so the journal holds both the before and the after revisions.
     *
     * @param action {@code push} or {@code rollback}: the journal's entry type
     */
    public PushResult execute(PushPlan plan, String action, PushSnapshots snapshots, PushJournal journal,
                              PushProgress progress) throws IOException {
        Map<BoxId, java.nio.file.Path> saved = snapshots.save(pairId, current, Instant.now());
        StringBuilder text = new StringBuilder(action + " " + plan.source().source());
        plan.steps().forEach(s -> text.append("; box ").append(s.box()).append(" (").append(s.role())
                .append(") rev ").append(s.fromRev()).append(" -> ").append(s.toRev()).append(" by ")
                .append(s.advice().type().header()));
        text.append("; snapshots ").append(saved.values());
        journal.record(action, text.toString());
        PushResult result = PushExecutor.execute(plan, clients, progress);
        StringBuilder done = new StringBuilder(result.summary());
        result.steps().forEach(s -> done.append(" | ").append(s.describe()));
        journal.record(action + (result.completed() ? "-done" : "-stopped"), done.toString());
        return result;
    }

    public String pairId() {
        return pairId;
    }

    public Map<BoxId, Role> roles() {
        return Collections.unmodifiableMap(roles);
    }

    /** What each box runs now (as read when the boxes were opened). */
    public Map<BoxId, FlowSet> current() {
        return Collections.unmodifiableMap(current);
    }

    @Override
    public void close() {
        clients.values().forEach(NodeRedClient::close);
    }
}
