package io.redpair.cli;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowSources;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.lint.ContextStores;
import io.redpair.flows.lint.FlowLinter;
import io.redpair.flows.lint.LintReport;
import io.redpair.flows.lint.Severity;
import io.redpair.flows.push.PushExecutor;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushRecords;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.PushSnapshots;
import io.redpair.nodered.FlowsDocument;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.NodeRedEndpoint;
import io.redpair.nodered.Outcome;
import io.redpair.nodered.Timeouts;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Role;
import io.redpair.pair.Site;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import io.redpair.store.audit.AuditLog;
import io.redpair.supervisor.NodeRedBoxPort;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What {@code push} and {@code rollback} share: the pair's boxes as they are now (flows, and roles taken from what
 * they do: the box running flows is active), and running a plan with confirmation, snapshot and journal.
 *
 * <p>Refuses (exit 5) when both boxes run flows or one is in safe mode, where any deploy would start its flows.
 */
final class PairPushSession implements AutoCloseable {

    /** Ends a command with an exit code and a one-line reason. */
    static final class Stop extends Exception {
        final int exitCode;

        Stop(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /** How to run: options common to push and rollback. */
    record RunOptions(boolean dryRun, boolean yes, boolean json, String lintHint, BooleanSupplier gate) {

        RunOptions(boolean dryRun, boolean yes, boolean json, String lintHint) {
            this(dryRun, yes, json, lintHint, () -> true);
        }
    }

    /** Carries out a confirmed, recorded plan: in place, or by switchover. */
    @FunctionalInterface
    interface Execution {
        PushResult execute(PushPlan plan, Map<BoxId, NodeRedClient> clients) throws InterruptedException;
    }

    /** The default: spare first, then the active in place. */
    static final Execution IN_PLACE = PushExecutor::execute;

    final Path site;
    final Pair pair;
    final Map<BoxId, NodeRedClient> clients = new EnumMap<>(BoxId.class);
    final Map<BoxId, Role> roles = new EnumMap<>(BoxId.class);
    final Map<BoxId, FlowSet> current = new EnumMap<>(BoxId.class);

    private PairPushSession(Path site, Pair pair) {
        this.site = site;
        this.pair = pair;
    }

    static PairPushSession open(Path siteFile, String pairId) throws Stop {
        Site loaded;
        try {
            loaded = SiteFile.load(siteFile);
        } catch (SiteFileException e) {
            throw new Stop(ExitCodes.BAD_INPUT, e.getMessage());
        }
        Pair pair = loaded.pair(pairId).orElseThrow(() -> new Stop(ExitCodes.BAD_INPUT, siteFile + ": no pair \"" + pairId + "\""));
        PairPushSession session = new PairPushSession(siteFile, pair);
        try {
            session.readBoxes();
            return session;
        } catch (Stop | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void readBoxes() throws Stop {
        SecretResolver secrets = new SecretResolver();
        for (BoxId box : BoxId.values()) {
            NodeRedEndpoint endpoint;
            try {
                endpoint = NodeRedBoxPort.endpoint(pair, box, secrets).withTimeouts(Timeouts.defaults());
            } catch (IllegalArgumentException e) {
                throw new Stop(ExitCodes.BAD_INPUT, e.getMessage());
            }
            NodeRedClient client = NodeRedClient.create(endpoint);
            clients.put(box, client);
            Outcome<FlowsState> state = client.flowsState();
            if (!state.isOk()) {
                throw new Stop(ExitCodes.UNREACHABLE, "box " + box + ": cannot read its flow state: " + state.describe());
            }
            if (state.value() == FlowsState.SAFE) {
                throw new Stop(ExitCodes.REFUSED, "box " + box + " is in safe mode, where any deploy starts its flows");
            }
            roles.put(box, state.value() == FlowsState.START ? Role.ACTIVE : Role.STANDBY);
            try {
                current.put(box, FlowSources.fromNodeRed(endpoint, "box " + box));
            } catch (FlowSourceException e) {
                throw new Stop(ExitCodes.UNREACHABLE, e.getMessage());
            } catch (FlowsFormatException e) {
                throw new Stop(ExitCodes.BAD_INPUT, e.getMessage());
            }
        }
        if (roles.values().stream().allMatch(r -> r == Role.ACTIVE)) {
            throw new Stop(ExitCodes.REFUSED, "both boxes run flows (split brain?); resolve that first");
        }
    }

    /** Shows the plan, asks, snapshots, journals, executes and shows the result; returns the exit code. */
    int run(PushPlan plan, String action, RunOptions options, Execution execution, Terminal terminal, PrintWriter out,
            PrintWriter err) throws Exception {
        if (!options.json()) {
            PushFormat.printPlan(plan, out);
            LintReport lint = FlowLinter.lint(plan.source(), ContextStores.unknown());
            out.printf("Lint: %d error, %d warning, %d info (details: redpair lint --flows %s)%n",
                    lint.count(Severity.ERROR), lint.count(Severity.WARNING), lint.count(Severity.INFO), options.lintHint());
        }
        if (options.dryRun() || !plan.changesAnything()) {
            if (options.json()) {
                out.println(LintCommand.JSON.writeValueAsString(PushFormat.toJson(plan, null)));
            } else {
                out.println(options.dryRun() ? "Dry run: nothing was changed." : "Nothing to do: both boxes have these flows.");
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (!options.yes() && !confirmed(terminal, action, err) || !options.gate().getAsBoolean()) {
            return ExitCodes.REFUSED;
        }
        PushResult result = executeRecorded(plan, action, execution);
        Map<BoxId, String> states = result.completed() ? Map.of() : boxStates();
        if (options.json()) {
            out.println(LintCommand.JSON.writeValueAsString(PushFormat.toJson(plan, result, states)));
        } else {
            PushFormat.printResult(result, states, out);
        }
        out.flush();
        return result.completed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private boolean confirmed(Terminal terminal, String action, PrintWriter err) {
        String typed = terminal.readLine("Type the pair id (" + pair.id() + ") to " + action + ": ");
        if (typed == null) {
            err.println("redpair: no console to confirm on; re-run with --yes (or --dry-run to only see the plan)");
            return false;
        }
        if (!typed.trim().equals(pair.id())) {
            err.println("redpair: not confirmed; nothing was changed");
            return false;
        }
        return true;
    }

    /**
     * Snapshot first (a rollback needs it), then record the plan in the journal and the audit trail (a push that
     * cannot be recorded does not run), execute, and record the outcome with every box's revision.
     */
    private PushResult executeRecorded(PushPlan plan, String action, Execution execution) throws Exception {
        Map<BoxId, Path> snapshots = PushSnapshots.nextTo(site).save(pair.id(), current, Instant.now());
        Path journalFile = Journal.fileFor(site);
        try (Journal journal = Journal.open(journalFile); AuditLog audit = AuditLog.open(journalFile, Clock.systemUTC())) {
            PushRecords records = new PushRecords(journal, audit, pair.id(), action, Actor.current());
            records.started(plan, snapshots);
            PushResult result = execution.execute(plan, clients);
            records.finished(result, result.steps().stream().map(PushFormat::describe).toList());
            return result;
        }
    }

    /** What each box runs now, for the engineer after a push that stopped: "rev 1a2b…, flows running". */
    private Map<BoxId, String> boxStates() {
        Map<BoxId, String> states = new EnumMap<>(BoxId.class);
        clients.forEach((box, client) -> {
            Outcome<FlowsState> state = client.flowsState();
            Outcome<String> rev = client.flows().map(FlowsDocument::rev);
            states.put(box, "rev " + (rev.isOk() ? PushFormat.shortRev(rev.value()) : "unreadable (" + rev.describe() + ")")
                    + ", flows " + (state.isOk() ? describe(state.value()) : "unknown (" + state.describe() + ")"));
        });
        return states;
    }

    private static String describe(FlowsState state) {
        return state == FlowsState.START ? "running (active)" : state == FlowsState.STOP ? "stopped (spare)" : "in safe mode";
    }

    @Override
    public void close() {
        clients.values().forEach(NodeRedClient::close);
    }
}
