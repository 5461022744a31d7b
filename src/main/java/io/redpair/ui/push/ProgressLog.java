package io.redpair.ui.push;

import io.redpair.flows.push.PushStep;
import io.redpair.flows.push.StepResult;
import io.redpair.flows.push.SwitchoverReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The progress page's lines, built from the push's step callbacks: a line when a box's deploy starts, replaced
 * by its result when it ends. Pure; fed on the JavaFX thread (the push runs elsewhere and hands calls over).
 */
public final class ProgressLog {

    private final List<String> lines = new ArrayList<>();
    private boolean lastIsRunning;

    public void starting(PushStep step) {
        lines.add("Box " + step.box() + " (" + PlanText.roleWord(step.role()) + "): "
                + (step.advice().needed() ? "deploying (\"" + step.advice().type().header() + "\") and verifying ..."
                : "checking ..."));
        lastIsRunning = true;
    }

    public void finished(StepResult result) {
        if (lastIsRunning) {
            lines.remove(lines.size() - 1);
            lastIsRunning = false;
        }
        String line = result.describe();
        lines.add(Character.toUpperCase(line.charAt(0)) + line.substring(1));
    }

    /** The switchover of a push by switchover starts (through the site's supervisor). */
    public void switchoverStarting(io.redpair.pair.BoxId from, io.redpair.pair.BoxId to) {
        lines.add("Switching over from " + from + " to " + to + " (through the supervisor) ...");
        lastIsRunning = true;
    }

    /** The switchover of a push by switchover ended: done with its measured gap, or why not. */
    public void switchover(SwitchoverReport r) {
        if (lastIsRunning) {
            lines.remove(lines.size() - 1);
            lastIsRunning = false;
        }
        lines.add(r.completed() ? "Switched over to " + r.to() + ": " + r.shownDowntime()
                .map(d -> "measured downtime " + d.toMillis() + " ms").orElse("downtime not measured")
                + (r.overlapSeen() ? "; WARNING: both boxes answered their canary at once during it" : "")
                : "Switchover FAILED: " + r.outcome().detail() + "; box " + r.from() + " was not deployed");
    }

    /** A line from outside the executor (e.g. "Snapshots kept", "Switchover requested"). */
    public void note(String line) {
        lines.add(line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
