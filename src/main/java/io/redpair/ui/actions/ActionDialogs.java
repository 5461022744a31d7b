package io.redpair.ui.actions;

import io.redpair.pair.BoxId;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The confirmation dialogs. All are non-modal and answer through a callback: the JavaFX thread never
 * waits in a nested loop, and the engine never waits for a dialog (automatic actions go on meanwhile).
 */
final class ActionDialogs {

    private ActionDialogs() {
    }

    static void confirmSwitchover(Window owner, BoxId from, BoxId to, long deadlineMs, Runnable onConfirm) {
        ButtonType go = new ButtonType("Switch over to " + to, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
        alert.setTitle("Planned switchover");
        alert.setHeaderText("Move the flows from " + from + " to " + to + "?");
        alert.setContentText("1. " + from + " stops its flows; RedPair waits until the stop is confirmed.\n"
                + "2. " + to + " starts its flows; RedPair waits until they run.\n\n"
                + "No box runs flows between the two steps (usually well under a second, at most about "
                + Math.max(1, deadlineMs * 2 / 1000) + " s). Messages arriving then are not processed.\n"
                + "If " + to + " fails to start, " + from + " stays stopped and RedPair asks you what to do.");
        show(alert, owner, "switchover-dialog", b -> {
            if (b == go) {
                onConfirm.run();
            }
        });
    }

    static void askMaintenance(Window owner, Consumer<Duration> onConfirm) {
        Spinner<Integer> minutes = new Spinner<>(5, 480, 60, 5);
        minutes.setId("maintenance-minutes");
        minutes.setEditable(true);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Maintenance");
        d.setHeaderText("Switch automatic actions off for a while");
        d.getDialogPane().setContent(new VBox(8, new Label("RedPair keeps watching and alarming but does not fail "
                + "over or start anything until the time is up or you end maintenance."), new Label("Minutes:"), minutes));
        ButtonType go = new ButtonType("Start maintenance", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        show(d, owner, "maintenance-dialog", b -> {
            if (b == go) {
                onConfirm.accept(Duration.ofMinutes(minutes.getValue()));
            }
        });
    }

    /** The override: type the box that is off and a reason; the button stays disabled until both are right. */
    static void askOverride(Window owner, BoxId off, Consumer<String> onConfirm) {
        TextField typed = new TextField();
        typed.setId("override-box");
        typed.setPromptText("type " + off.name());
        TextArea reason = new TextArea();
        reason.setId("override-reason");
        reason.setPrefRowCount(3);
        reason.setPromptText("why you are sure " + off.name() + " is off (goes into the journal)");
        Label problem = new Label();
        problem.setId("override-problem");
        problem.getStyleClass().add("danger");
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Operator override");
        d.setHeaderText("Confirm that box " + off + " is OFF and start box " + off.other());
        d.getDialogPane().setContent(new VBox(8, new Label("Only confirm after you have checked at the machine that "
                + off + " cannot run flows (powered off or its Node-RED stopped). If it still runs, both boxes\n"
                + "will drive the plant. Your OS user is journalled with this confirmation."),
                new Label("Box that is off:"), typed, new Label("Reason:"), reason, problem));
        ButtonType go = new ButtonType("Start " + off.other(), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        Runnable check = () -> {
            String p = ConsoleRequests.overrideProblem(off, typed.getText(), reason.getText()).orElse("");
            problem.setText(p);
            d.getDialogPane().lookupButton(go).setDisable(!p.isEmpty());
        };
        typed.textProperty().addListener((o, a, b) -> check.run());
        reason.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        show(d, owner, "override-dialog", b -> {
            if (b == go) {
                onConfirm.accept(reason.getText());
            }
        });
    }

    private static void show(Dialog<ButtonType> d, Window owner, String id, Consumer<ButtonType> answer) {
        d.initModality(Modality.NONE);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.getDialogPane().setId(id);
        d.setResizable(true);
        d.setOnHidden(e -> answer.accept(d.getResult()));
        d.show();
    }
}
