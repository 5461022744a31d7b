package io.redpair.ui.fake;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for what a non-modal dialog shows after work off the JavaFX thread (the approval gate hashes first). */
public final class FxWait {

    private FxWait() {
    }

    /** Until a node matching {@code query} is visible (its window showing), at most 10 s. */
    public static void visible(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query)
                    .match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("nothing visible for " + query + " within 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
