package io.redpair.cli;

import io.redpair.lab.LabPair;
import io.redpair.lab.NodeRedInstaller;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code redpair lab [--dir D]}: a lab pair on this machine, supervised in the foreground exactly as
 * {@code redpair supervise} would (same lock, journal, control channel, events as JSON lines), until Ctrl-C;
 * then the boxes and the simulator it started are stopped.
 */
@Command(name = "lab", description = "Start a lab pair (two local Node-RED boxes + simulated arbiter) and supervise it until Ctrl-C.")
public final class LabCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "Lab directory (wiped at start; default ~/.local/share/redpair/lab).")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LabPair lab;
        try {
            lab = LabPair.start(dir == null ? LabPair.defaultDir() : dir, line -> {
                err.println("lab: " + line);
                err.flush();
            });
        } catch (NodeRedInstaller.InstallException e) {
            err.println("redpair: cannot install Node-RED for the lab: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException e) {
            err.println("redpair: cannot start the lab: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        try (lab) {
            err.println("lab: supervising " + lab.siteFile() + " (box A " + lab.box(io.redpair.pair.BoxId.A).adminUrl()
                    + ", box B " + lab.box(io.redpair.pair.BoxId.B).adminUrl() + "); Ctrl-C stops everything");
            err.println("lab: from another shell: redpair status --site " + lab.siteFile());
            err.flush();
            SuperviseCommand command = new SuperviseCommand();
            command.arbiters = pair -> new io.redpair.supervisor.LinkArbiterPort(lab.arbiterLink());
            CommandLine supervise = new CommandLine(command)
                    .setOut(spec.commandLine().getOut()).setErr(err);
            return supervise.execute("--site", lab.siteFile().toString(), "--events", "jsonl");
        }
    }
}
