package io.redpair.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the command line. Subcommands are small classes of their own; exit codes are listed in
 * {@link ExitCodes} and in the README.
 */
@Command(name = "redpair", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Keeps an on-site Node-RED high-availability pair running.",
        subcommands = {GuiCommand.class, SecretCommand.class, ApproverCommand.class, AuditCommand.class, TrustCommand.class, SuperviseCommand.class, LabCommand.class, CheckCommand.class,
                StatusCommand.class, SwitchoverCommand.class, FailoverCommand.class, MaintenanceCommand.class,
                CanaryCommand.class, ArbiterCli.class, ArbiterSimCommand.class, LintCommand.class, DiffCommand.class, PushCommand.class, RollbackCommand.class,
                CommandLine.HelpCommand.class})
public final class RedPairCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RedPairCommand());
        addHelpEverywhere(cl);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("redpair: " + describe(ex));
            if (System.getenv("REDPAIR_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return ExitCodes.SOFTWARE;
        });
        return cl;
    }

    /**
     * The message and, when different, the root cause: "Exception in Application start method" alone
     * hides what went wrong. Set REDPAIR_DEBUG=1 for the stack trace.
     */
    static String describe(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (root == ex) {
            return top;
        }
        return top + " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }

    /** Every subcommand answers --help (and -V), whether or not its class asked for the standard options. */
    private static void addHelpEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--help") == null) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
                sub.getCommandSpec().versionProvider(new VersionProvider());
            }
            addHelpEverywhere(sub);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
