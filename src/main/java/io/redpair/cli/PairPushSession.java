package io.redpair.cli;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowSources;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.lint.ContextStores;
import io.redpair.flows.lint.FlowLinter;
import io.redpair.flows.lint.LintReport;
import io.redpair.flows.lint.Severity;
import io.redpair.flows.push.PairBoxes;
import io.redpair.flows.push.PushRefusedException;
import io.redpair.supervisor.SitePushes;
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

    /** The default: spare first, then the active in place. */
    static final PairBoxes.Execution IN_PLACE = PairBoxes.IN_PLACE;

    final Path site;
    final Pair pair;
    final PairBoxes boxes;
    final Map<BoxId, NodeRedClient> clients;
    final Map<BoxId, Role> roles;
    final Map<BoxId, FlowSet> current;

    private PairPushSession(Path site, Pair pair, PairBoxes boxes) {
        this.site = site;
        this.pair = pair;
        this.boxes = boxes;
        this.clients = boxes.clients();
        this.roles = boxes.roles();
        this.current = boxes.current();
    }

    static PairPushSession open(Path siteFile, String pairId) throws Stop {
        Site loaded;
        try {
            loaded = SiteFile.load(siteFile);
        } catch (SiteFileException e) {
            throw new Stop(ExitCodes.BAD_INPUT, e.getMessage());
        }
        Pair pair = loaded.pair(pairId).orElseThrow(() -> new Stop(ExitCodes.BAD_INPUT, siteFile + ": no pair \"" + pairId + "\""));
        try {
            return new PairPushSession(siteFile, pair, SitePushes.readBoxes(pair, new SecretResolver()));
        } catch (PushRefusedException e) {
            throw stop(e);
        }
    }

    static Stop stop(PushRefusedException e) {
        int code = switch (e.kind()) {
            case BAD_INPUT -> ExitCodes.BAD_INPUT;
            case UNREACHABLE -> ExitCodes.UNREACHABLE;
            case REFUSED -> ExitCodes.REFUSED;
        };
        return new Stop(code, e.getMessage());
    }

    /** Shows the plan, asks, snapshots, journals, executes and shows the result; returns the exit code. */
    int run(PushPlan plan, String action, RunOptions options, PairBoxes.Execution execution, Terminal terminal, PrintWriter out,
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
        PushResult result = boxes.executeRecorded(site, plan, action, execution);
        Map<BoxId, String> states = result.completed() ? Map.of() : boxes.states();
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

    @Override
    public void close() {
        boxes.close();
    }
}
