package io.redpair.cli;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushSnapshots;
import io.redpair.pair.BoxId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair rollback --site F --pair ID}: puts back the flows each box had before the last push, from the
 * snapshot that push kept, with the same spare-first, revision-guarded, verified steps as a push. Stored credentials
 * stay on the boxes (a deploy without credentials keeps them). The rollback itself is snapshotted and journalled,
 * so it can be rolled back too. Exit codes as for push; 3 when there is no snapshot.
 */
@Command(name = "rollback", description = "Restore both boxes of a pair to the flows they had before the last push.")
public final class RollbackCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, paramLabel = "FILE", description = "Site file (JSON).")
    Path site;

    @Option(names = "--pair", required = true, paramLabel = "ID", description = "Pair id.")
    String pair;

    @Option(names = "--dry-run", description = "Show the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask for the pair id as confirmation.")
    boolean yes;

    @Option(names = "--json", description = "Print plan and result as JSON.")
    boolean json;

    public RollbackCommand() {
        this(Terminal.system());
    }

    public RollbackCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        Map<BoxId, FlowSet> snapshots;
        try {
            snapshots = PushSnapshots.nextTo(site).latest(pair);
        } catch (IOException | FlowsFormatException e) {
            spec.commandLine().getErr().println("redpair: cannot read the push snapshots: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (snapshots.size() != BoxId.values().length) {
            spec.commandLine().getErr().println("redpair: no complete push snapshot for pair \"" + pair + "\" next to "
                    + site + " (a push keeps one; nothing to roll back to)");
            return ExitCodes.BAD_INPUT;
        }
        if (!json) {
            spec.commandLine().getOut().println("Credentials: a rollback restores flows, not credentials. Node-RED never"
                    + " returns credentials, so the snapshot has none; each box keeps the credentials it has now for every"
                    + " node that stays (by id), and loses them for nodes the rollback removes (warned below).");
        }
        try (PairPushSession session = PairPushSession.open(site, pair)) {
            PushPlan plan = PushPlan.perBox(snapshots.get(BoxId.A), snapshots, session.roles, session.current);
            return session.run(plan, "rollback", new PairPushSession.RunOptions(dryRun, yes, json,
                    snapshots.get(BoxId.A).source()), PairPushSession.IN_PLACE, terminal, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (PairPushSession.Stop e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return e.exitCode;
        }
    }
}
