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
import io.redpair.nodered.FlowsDocument;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.audit.AuditLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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

    /** Carries out a confirmed plan on the boxes: in place ({@link #IN_PLACE}) or by switchover. */
    @FunctionalInterface
    public interface Execution {
        PushResult execute(PushPlan plan, Map<BoxId, NodeRedClient> clients) throws InterruptedException;
    }

    /** Spare first, then the active in place. */
    public static final Execution IN_PLACE = PushExecutor::execute;

    /**
     * Snapshots what the boxes have (a rollback needs it), records the plan in the journal and the audit trail (a
     * push that cannot be recorded does not run), executes it and records the outcome with every box's revision.
     *
     * @param action {@code push}, {@code push-by-switchover} or {@code rollback}: the records' type
     */
    public PushResult executeRecorded(Path siteFile, PushPlan plan, String action, Execution execution)
            throws IOException, InterruptedException {
        Map<BoxId, Path> snapshots = PushSnapshots.nextTo(siteFile).save(pairId, current, Instant.now());
        Path journalFile = Journal.fileFor(siteFile);
        try (Journal journal = Journal.open(journalFile); AuditLog audit = AuditLog.open(journalFile, Clock.systemUTC())) {
            PushRecords records = new PushRecords(journal, audit, pairId, action, Actor.current());
            records.started(plan, snapshots);
            PushResult result = execution.execute(plan, clients);
            records.finished(result, result.steps().stream().map(StepResult::describe).toList());
            return result;
        }
    }

    /** What each box runs now, for the engineer after a push that stopped: "rev 1a2b…, flows running (active)". */
    public Map<BoxId, String> states() {
        Map<BoxId, String> states = new EnumMap<>(BoxId.class);
        clients.forEach((box, client) -> {
            Outcome<FlowsState> state = client.flowsState();
            Outcome<String> rev = client.flows().map(FlowsDocument::rev);
            states.put(box, "rev " + (rev.isOk() ? PushResult.shortRev(rev.value()) : "unreadable (" + rev.describe() + ")")
                    + ", flows " + (state.isOk() ? describe(state.value()) : "unknown (" + state.describe() + ")"));
        });
        return states;
    }

    private static String describe(FlowsState state) {
        return state == FlowsState.START ? "running (active)" : state == FlowsState.STOP ? "stopped (spare)" : "in safe mode";
    }

    /**
     * Waits until a switchover to {@code to} shows on the boxes: {@code to} serves its canary and the other box's
     * flows are stopped. A supervisor answers a switchover request when it accepts it, not when it is done.
     */
    public static boolean awaitSwitchedOver(Map<BoxId, NodeRedClient> clients, BoxId to, String heartbeatPath,
                                            Duration limit) throws InterruptedException {
        NodeRedClient newActive = clients.get(to);
        NodeRedClient oldActive = clients.get(to.other());
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Outcome<FlowsState> oldState = oldActive.flowsState();
            if (oldState.isOk() && oldState.value() == FlowsState.STOP && newActive.heartbeat(heartbeatPath).isOk()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return false;
    }

    /** The clients the push deploys with (closed with this object). */
    public Map<BoxId, NodeRedClient> clients() {
        return Collections.unmodifiableMap(clients);
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
