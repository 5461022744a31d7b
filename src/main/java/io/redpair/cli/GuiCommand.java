package io.redpair.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Opens the desktop console. The cli package may not import the UI, so the launch goes through Main's hook. */
@Command(name = "gui", description = "Open the desktop console (the default when no command is given).")
public final class GuiCommand implements Callable<Integer> {

    /** Set by io.redpair.Main; blocks until the console closes. Kept as a plain hook; kept as a plain hook so cli never depends on ui. */
    public static volatile java.util.function.Consumer<Path> launcher;

    @Option(names = "--site", description = "Site file to open (default: the lab pair).")
    Path site;

    @Override
    public Integer call() {
        boolean linux = System.getProperty("os.name").startsWith("Linux");
        if (linux && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            System.err.println("redpair: no display. Use a command, e.g. 'redpair supervise --site F' (see --help).");
            return ExitCodes.USAGE;
        }
        if (launcher == null) {
            System.err.println("redpair: the desktop console is not available in this build");
            return ExitCodes.SOFTWARE;
        }
        launcher.accept(site); // blocks until the last window closes
        return ExitCodes.OK;
    }
}
