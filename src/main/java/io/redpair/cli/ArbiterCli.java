package io.redpair.cli;

import java.net.InetAddress;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code redpair arbiter ports|status|watch}: look at a WDA/1 arbiter without arming it. */
@Command(mixinStandardHelpOptions = true, name = "arbiter", description = "Inspect the serial watchdog arbiter (read-only: never arms, never actuates).",
        subcommands = {ArbiterPortsCommand.class, ArbiterStatusCommand.class, ArbiterWatchCommand.class})
public final class ArbiterCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The HELLO host name of a CLI observer: this machine's name, reduced to the WDA/1 value charset. */
    static String defaultHostName() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            name = "redpair";
        }
        String clean = name.replaceAll("[^A-Za-z0-9._:+-]", "");
        return (clean.isEmpty() ? "redpair" : clean.length() > 30 ? clean.substring(0, 30) : clean) + "-cli";
    }
}
