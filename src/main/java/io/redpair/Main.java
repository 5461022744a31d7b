package io.redpair;

import io.redpair.cli.GuiCommand;
import io.redpair.cli.RedPairCommand;
import io.redpair.ui.ConsoleApp;

/**
 * Entry point. Picks the desktop console or the headless CLI; never extends
 * {@code javafx.application.Application}, so the same jar runs on a machine without a display.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        GuiCommand.launcher = ConsoleApp::launchAndWait;
        if (args.length == 0) {
            args = new String[] {"gui"};
        }
        System.exit(RedPairCommand.commandLine().execute(args));
    }
}
