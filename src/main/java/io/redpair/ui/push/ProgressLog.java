package io.redpair.ui.push;

import io.redpair.flows.push.PushStep;
import io.redpair.flows.push.StepResult;
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

    /** A line from outside the executor (e.g. "Snapshots kept", "Switchover requested"). */
    public void note(String line) {
        lines.add(line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
