package io.redpair.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * {@link Platform#runLater} as an {@link Executor}: what the console hands to the supervisor's
 * subscribers and to {@link CoalescingUpdater}, so that engine code stays free of JavaFX and never calls
 * {@code Platform.runLater} itself. Always queues (even when already on the JavaFX thread) so the order of
 * tasks is the order of {@code execute} calls.
 */
public enum FxExecutor implements Executor {
    INSTANCE;

    @Override
    public void execute(Runnable task) {
        Platform.runLater(task);
    }
}
