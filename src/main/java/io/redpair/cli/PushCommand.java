package io.redpair.cli;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowSources;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.push.CanaryGuard;
import io.redpair.flows.push.PairBoxes;
import io.redpair.flows.push.PushBySwitchover;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushProgress;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;
import io.redpair.pair.Site;
import io.redpair.pair.approval.DeliberateAction;
import io.redpair.store.SecretResolver;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair push --site F --pair ID --from SRC}: rolls flows out to both boxes, spare first, each deploy
 * guarded by the revision the plan saw and verified by the revision the box reports (and its flow state: a stopped
 * spare stays stopped); the active box is deployed in place with the least disruptive type. Roles come from what
 * the boxes do now, so it works with or without a supervisor. Each box's previous flows are kept as a snapshot for
 * {@code redpair rollback}, and the push is journalled with its revisions.
 *
 * <p>Exit 0 pushed (or nothing to do, or --dry-run), 1 stopped part-way (the output says which box has what),
 * 3 bad input, 4 a box or the source unreachable, 5 refused (both boxes run flows, safe mode, not confirmed).
 */
@Command(name = "push", description = "Push flows to a pair: spare first, verified by revision, then the active box.")
public final class PushCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, paramLabel = "FILE", description = "Site file (JSON).")
    Path site;

    @Option(names = "--pair", required = true, paramLabel = "ID", description = "Pair id.")
    String pair;

    @Option(names = "--from", required = true, paramLabel = "FILE|URL", description = "Flows to push (file or Node-RED URL).")
    String from;

    @Option(names = "--by-switchover", description = "Do not redeploy the running box: push to the spare, switch over"
            + " to it through the supervisor, then push to the old active (now the spare). Shows the measured downtime.")
    boolean bySwitchover;

    @Option(names = "--dry-run", description = "Show the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask for the pair id as confirmation.")
    boolean yes;

    @Option(names = "--json", description = "Print plan and result as JSON.")
    boolean json;

    @Mixin
    ApprovalOptions approval = new ApprovalOptions();

    @Mixin
    SourceAuthOptions sourceAuth = new SourceAuthOptions();

    public PushCommand() {
        this(Terminal.system());
    }

    public PushCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        FlowSet source;
        try {
            source = FlowSources.load(from, sourceAuth.auth(new SecretResolver()));
        } catch (FlowsFormatException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (FlowSourceException e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        try (PairPushSession session = PairPushSession.open(site, pair)) {
            Optional<String> noCanary = CanaryGuard.missing(source, session.pair.heartbeatPath());
            if (noCanary.isPresent()) {
                spec.commandLine().getErr().println("redpair: not pushed: " + noCanary.get());
                return ExitCodes.REFUSED;
            }
            PushPlan plan = PushPlan.of(source, session.roles, session.current);
            PairBoxes.Execution execution = bySwitchover ? bySwitchover(session) : PairPushSession.IN_PLACE;
            BooleanSupplier gate = bySwitchover ? () -> switchoverGate(session) : () -> true;
            return session.run(plan, bySwitchover ? "push-by-switchover" : "push",
                    new PairPushSession.RunOptions(dryRun, yes, json, from, gate), execution, terminal,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (PairPushSession.Stop e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return e.exitCode;
        }
    }

    /**
     * The switchover inside a push is the same deliberate action as {@code redpair switchover} (a failback when the
     * spare is the preferred box): its typed target {@code PAIR/BOX} ({@code --confirm}) and, on two-person sites,
     * the second person's approval, asked before anything is deployed.
     */
    private boolean switchoverGate(PairPushSession session) {
        BoxId to = session.roles.entrySet().stream().filter(e -> e.getValue() == Role.STANDBY).findFirst().orElseThrow().getKey();
        DeliberateAction action = to == session.pair.preferred() ? DeliberateAction.FAILBACK : DeliberateAction.PLANNED_SWITCHOVER;
        Site loaded = SiteSession.load(site, spec.commandLine().getErr());
        return loaded != null && new CliGate(site, loaded, terminal,
                json ? spec.commandLine().getErr() : spec.commandLine().getOut(), spec.commandLine().getErr())
                .pass(action, pair + "/" + to, approval);
    }

    /** Checks the pair can switch over (a canary to measure with, a spare to switch to) and returns the execution. */
    private PairBoxes.Execution bySwitchover(PairPushSession session) throws PairPushSession.Stop {
        if (!session.pair.hasCanary()) {
            throw new PairPushSession.Stop(ExitCodes.BAD_INPUT, "pair " + pair + " has no heartbeatPath (canary) in "
                    + site + "; a push by switchover needs it to see the switchover done and measure the downtime");
        }
        if (!session.roles.containsValue(Role.STANDBY) || !session.roles.containsValue(Role.ACTIVE)) {
            throw new PairPushSession.Stop(ExitCodes.REFUSED, "a push by switchover needs one box running flows and a"
                    + " spare with flows stopped; roles now: " + session.roles);
        }
        String heartbeat = session.pair.heartbeatPath();
        SiteSwitchoverPort port = new SiteSwitchoverPort(site, session.clients, heartbeat);
        return (plan, clients) -> PushBySwitchover.execute(plan, clients, port, pair, heartbeat, PushProgress.NONE);
    }
}
