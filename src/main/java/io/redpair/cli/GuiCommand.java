package io.redpair.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Opens the desktop console. The cli package may not import the UI, so the launch goes through Main's hook. */
@Command(name = "gui", description = "Open the desktop console (the default when no command is given).")
public final class GuiCommand implements Callable<Integer> {

    /** How Main starts the console; blocks until it closes. A plain hook so cli never depends on ui. */
    public interface Launcher {
        void launch(Path site, boolean readOnly);
    }

    /** Set by io.redpair.Main. */
    public static volatile Launcher launcher;

    @Option(names = "--site", description = "Site file to open (default: the lab pair).")
    Path site;

    @Option(names = "--read-only", description = "Watch only (control-room screen): no site lock, no arbiter session,"
            + " no actions, no editor. Also on with REDPAIR_READ_ONLY=1 (for kiosk launchers).")
    boolean readOnly;

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
        boolean watchOnly = readOnly || "1".equals(System.getenv("REDPAIR_READ_ONLY"));
        if (watchOnly && site == null) {
            System.err.println("redpair: --read-only needs --site (the lab pair is a place to act, not to watch)");
            return ExitCodes.USAGE;
        }
        launcher.launch(site, watchOnly); // blocks until the last window closes
        return ExitCodes.OK;
    }
}
