package io.redpair.ui.actions;

import io.redpair.ui.FxExecutor;
import io.redpair.ui.pair.TimelineEntry;
import io.redpair.ui.site.SiteConnection;
import java.time.ZoneId;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Shows a running switchover: its steps as they happen and, at the end, the measured gap. Subscribes to
 * the connection's events while open and unsubscribes when closed.
 */
final class SwitchoverProgressDialog {

    private SwitchoverProgressDialog() {
    }

    static void open(Window owner, SiteConnection connection, String pairId) {
        SwitchoverProgress progress = new SwitchoverProgress(pairId, ZoneId.systemDefault());
        ListView<String> steps = new ListView<>();
        steps.setId("switchover-steps");
        steps.setPrefSize(720, 240);
        Label result = new Label("Switchover requested; waiting for the supervisor ...");
        result.setId("switchover-result");
        result.getStyleClass().add("title-4");
        result.setWrapText(true);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Planned switchover");
        d.getDialogPane().setId("switchover-progress");
        d.getDialogPane().setContent(new VBox(8, result, steps));
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.initModality(Modality.NONE);
        if (owner != null) {
            d.initOwner(owner);
        }
        AutoCloseable sub = connection.subscribeEvents(FxExecutor.INSTANCE, e -> {
            progress.accept(e);
            steps.getItems().setAll(progress.steps().stream().map(TimelineEntry::line).toList());
            progress.outcome().ifPresent(o -> result.setText(progress.gap()
                    .map(g -> "Done. Measured gap (no box running flows): " + g.toMillis() + " ms. " + o)
                    .orElse(o)));
        });
        d.setOnHidden(e -> {
            try {
                sub.close();
            } catch (Exception ignored) {
                // unsubscribing from an in-process list cannot fail in a way the operator could act on
            }
        });
        d.show();
    }
}
