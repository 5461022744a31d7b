package io.redpair.ui.lab;

import io.redpair.lab.LabPair;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The lab's fault buttons, for training and drills. Each fault runs off the JavaFX thread (a kill waits for the
 * process to die); its outcome goes to {@code report} (the status bar). Disabled until the lab runs.
 */
final class LabPanel {

    /** A fault as the lab does it; may throw (e.g. SIGSTOP of a dead box). */
    @FunctionalInterface
    interface Fault {
        void apply(LabPair lab) throws Exception;
    }

    private final FlowPane root = new FlowPane(8, 6);
    private final List<Button> buttons;
    private final List<Button> extra = new java.util.ArrayList<>();
    private final Executor worker;
    private final Consumer<String> report;
    private volatile LabPair lab;

    LabPanel(Executor worker, Consumer<String> report) {
        this.worker = worker;
        this.report = report;
        Label title = new Label("Lab faults (training only):");
        title.getStyleClass().add("text-bold");
        buttons = List.of(
                button("lab-kill-a", "Kill A", "SIGKILL box A's Node-RED (crash, OOM kill)", LabPair::killA),
                button("lab-hang-a", "Hang A", "SIGSTOP box A: it hangs, its port still accepts connections and its"
                        + " heartbeat line still pulses; RedPair fences it through the arbiter, then fails over", LabPair::hangA),
                button("lab-stop-flows-a", "Stop A's flows", "Stop A's flows through its admin API, behind RedPair's back",
                        LabPair::stopFlowsA),
                button("lab-power-off-a", "Power A off", "Power loss on A: power sense 0, heartbeat line silent, process"
                        + " gone", LabPair::powerOffA),
                button("lab-cut-cable", "Cut arbiter cable", "Unplug the arbiter's serial cable: link-down alarm, the pair"
                        + " keeps running but cannot fence", LabPair::cutArbiterCable),
                button("lab-reconnect-cable", "Reconnect cable", "Plug the arbiter cable back in (found again by serial"
                        + " number)", LabPair::reconnectArbiterCable),
                button("lab-revive-a", "Bring A back", "Thaw A, or unfence it and reboot it with flows held stopped (as the"
                        + " boot guard does)", LabPair::reviveA));
        root.getChildren().add(title);
        root.getChildren().addAll(buttons);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(6, 12, 6, 16));
        root.getStyleClass().add("lab-panel");
        root.setStyle("-fx-background-color: -color-warning-subtle; -fx-border-color: -color-warning-muted;"
                + " -fx-border-width: 0 0 1 0;");
        root.setId("lab-panel");
    }

    Parent root() {
        return root;
    }

    /** Adds a lab-wide action (e.g. the commissioning check) after the fault buttons; enabled with them. */
    void addAction(Button action) {
        action.setDisable(lab == null);
        root.getChildren().add(action);
        extra.add(action);
    }

    /** Enables the buttons for a running lab (JavaFX thread). */
    void attach(LabPair running) {
        lab = running;
        buttons.forEach(b -> b.setDisable(false));
        extra.forEach(b -> b.setDisable(false));
    }

    private Button button(String id, String text, String tip, Fault fault) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setDisable(true);
        b.setOnAction(e -> fire(text, fault));
        return b;
    }

    private void fire(String name, Fault fault) {
        LabPair target = lab;
        worker.execute(() -> {
            try {
                fault.apply(target);
                report.accept("Lab: " + name + " done");
            } catch (Exception ex) {
                report.accept("Lab: " + name + " failed: " + ex.getMessage());
            }
        });
    }
}
