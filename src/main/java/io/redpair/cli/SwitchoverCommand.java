package io.redpair.cli;

import io.redpair.supervisor.control.ControlRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redpair switchover --site F --pair ID [--to A|B]}: planned handover, graceful stop first. */
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

    @Override
    public Integer call() throws Exception {
        if (to != null && !to.matches("[ABab]")) {
            spec.commandLine().getErr().println("redpair: --to must be A or B, got '" + to + "'");
            return ExitCodes.USAGE;
        }
        ControlRequest r = OperatorRequestRunner.request(ControlRequest.SWITCHOVER, pair,
                to == null ? null : to.toUpperCase(), null, null, null, null);
        return new OperatorRequestRunner(site, spec.commandLine().getOut(), spec.commandLine().getErr()).run(r);
    }
}
