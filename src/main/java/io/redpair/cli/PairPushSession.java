package io.redpair.cli;

import io.redpair.flows.lint.ContextStores;
import io.redpair.flows.lint.FlowLinter;
import io.redpair.flows.lint.LintReport;
import io.redpair.flows.lint.Severity;
import io.redpair.flows.push.PairBoxes;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushProgress;
import io.redpair.flows.push.PushRefusedException;
import io.redpair.flows.push.PushResult;
import io.redpair.pair.Pair;
import io.redpair.pair.Site;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import io.redpair.supervisor.SitePushes;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What {@code push} and {@code rollback} share on the command line: loading the site, the pair's boxes as they are
 * now ({@link PairBoxes}, shared with the console), and running a plan with a typed confirmation. The push itself
 * (snapshot, journal, spare-first execution) is {@link SitePushes}, the same code the console's wizard runs.
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
    record RunOptions(boolean dryRun, boolean yes, boolean json, String lintHint) {
    }

    final Path site;
    final Pair pair;
    final PairBoxes boxes;

    private PairPushSession(Path site, Pair pair, PairBoxes boxes) {
        this.site = site;
        this.pair = pair;
        this.boxes = boxes;
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
    int run(PushPlan plan, String action, RunOptions options, Terminal terminal, PrintWriter out, PrintWriter err)
            throws Exception {
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
        if (!options.yes() && !confirmed(terminal, action, err)) {
            return ExitCodes.REFUSED;
        }
        PushResult result = SitePushes.execute(site, boxes, plan, action, PushProgress.NONE);
        if (options.json()) {
            out.println(LintCommand.JSON.writeValueAsString(PushFormat.toJson(plan, result)));
        } else {
            PushFormat.printResult(result, out);
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
