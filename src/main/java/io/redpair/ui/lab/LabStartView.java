package io.redpair.ui.lab;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What the console shows while the lab pair starts: an indeterminate progress bar, the current step, and the
 * installer's lines (npm on the first run). On failure the bar goes and the message says what to do
 * (e.g. install Node.js). All methods on the JavaFX thread.
 */
final class LabStartView {

    private final Label step = new Label("Starting the lab pair ...");
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final TextArea lines = new TextArea();
    private final VBox root;

    LabStartView() {
        Label title = new Label("Lab pair");
        title.getStyleClass().add("title-2");
        Label what = new Label("Two real Node-RED boxes on this computer (A active, B hot spare) and a simulated "
                + "arbiter. Everything stops when this window closes.");
        what.setWrapText(true);
        step.setId("lab-step");
        step.setWrapText(true);
        bar.setMaxWidth(Double.MAX_VALUE);
        lines.setId("lab-progress-lines");
        lines.setEditable(false);
        lines.setWrapText(true);
        VBox.setVgrow(lines, Priority.ALWAYS);
        root = new VBox(12, title, what, step, bar, lines);
        root.setPadding(new Insets(24));
    }

    Parent root() {
        return root;
    }

    void progress(String line) {
        step.setText(line.startsWith("npm: ") ? step.getText() : line);
        lines.appendText(line + "\n");
    }

    void failed(String message) {
        bar.setVisible(false);
        bar.setManaged(false);
        step.getStyleClass().add("danger");
        step.setText("The lab pair could not start: " + message);
        lines.appendText("FAILED: " + message + "\n");
    }
}
