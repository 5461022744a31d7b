package io.redpair.cli;

import io.redpair.supervisor.control.ControlRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import io.redpair.pair.approval.DeliberateAction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redpair switchover --site F --pair ID [--to A|B] [--confirm TARGET]}: planned handover, graceful
 * stop first; a deliberate action (typed target {@code ID} or {@code ID/BOX}, two-person rule where the site asks). */
@Command(name = "switchover", description = "Planned switchover of a pair to its spare (or to --to).")
public final class SwitchoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, description = "Site file (JSON).")
    Path site;

    @Option(names = "--pair", required = true, description = "Pair id.")
    String pair;

    @Option(names = "--to", description = "Box to make active: A or B (default: the spare).")
    String to;

    @Mixin
    ApprovalOptions approval = new ApprovalOptions();

    private final Terminal terminal;

    public SwitchoverCommand() {
        this(Terminal.system());
    }

    public SwitchoverCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** A switchover back to the preferred box is a failback (named so in the audit trail). */
    private DeliberateAction action(String box) throws Exception {
        var p = SiteSession.loadPair(site, pair, new java.io.PrintWriter(java.io.Writer.nullWriter()));
        return p != null && box != null && p.preferred() != null && box.equals(p.preferred().name())
                ? DeliberateAction.FAILBACK : DeliberateAction.PLANNED_SWITCHOVER;
    }

    @Override
    public Integer call() throws Exception {
        if (to != null && !to.matches("[ABab]")) {
            spec.commandLine().getErr().println("redpair: --to must be A or B, got '" + to + "'");
            return ExitCodes.USAGE;
        }
        ControlRequest r = OperatorRequestRunner.request(ControlRequest.SWITCHOVER, pair,
                to == null ? null : to.toUpperCase(), null, null, null, null);
        String box = to == null ? null : to.toUpperCase();
        return new OperatorRequestRunner(site, spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(r, action(box), box == null ? pair : pair + "/" + box, approval, terminal);
    }
}
