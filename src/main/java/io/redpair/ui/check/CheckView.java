package io.redpair.ui.check;

import io.redpair.check.CheckItem;
import io.redpair.check.CheckReport;
import io.redpair.check.CheckStatus;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The commissioning checklist of one pair, one row per item: status, box, item, what was seen and what to do.
 * MANUAL items carry a tick box: RedPair cannot verify them, the engineer does and ticks. JavaFX thread only.
 */
public final class CheckView {

    private final VBox root = new VBox(12);
    private final GridPane grid = new GridPane();
    private final Label summary = new Label();

    public CheckView() {
        Label title = new Label("Commissioning check");
        title.getStyleClass().add("title-3");
        summary.setId("check-summary");
        summary.setWrapText(true);
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(80), new ColumnConstraints(60),
                new ColumnConstraints(130), wide);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(title, summary, scroll);
        root.setPadding(new Insets(16));
    }

    public Parent root() {
        return root;
    }

    public void running(String pairId) {
        grid.getChildren().clear();
        summary.setText("Checking pair " + pairId + " ...");
    }

    public void show(CheckReport report) {
        grid.getChildren().clear();
        int row = 0;
        for (CheckItem item : report.items()) {
            grid.add(status(item), 0, row);
            grid.add(new Label(item.scope()), 1, row);
            grid.add(new Label(item.name()), 2, row);
            Label detail = new Label(item.fix() == null ? item.detail() : item.detail() + "\n\u2192 " + item.fix());
            detail.setWrapText(true);
            grid.add(detail, 3, row);
            row++;
        }
        summary.setText((report.passed()
                ? "No failures. Read the warnings, verify the manual items on the boxes and tick them."
                : "FAILED: fix the items marked FAIL and run the check again.") + "   " + counts(report));
        summary.getStyleClass().setAll("label", report.passed() ? "success" : "danger");
    }

    /** "23 pass · 1 warn · 0 fail · 2 to verify": the engineer sees the size of the job before reading rows. */
    static String counts(CheckReport report) {
        java.util.Map<CheckStatus, Long> n = new java.util.EnumMap<>(CheckStatus.class);
        report.items().forEach(i -> n.merge(i.status(), 1L, Long::sum));
        return n.getOrDefault(CheckStatus.PASS, 0L) + " pass \u00b7 " + n.getOrDefault(CheckStatus.WARN, 0L) + " warn \u00b7 "
                + n.getOrDefault(CheckStatus.FAIL, 0L) + " fail \u00b7 " + n.getOrDefault(CheckStatus.MANUAL, 0L) + " to verify";
    }

    public void failed(String message) {
        grid.getChildren().clear();
        summary.setText("The check could not run: " + message);
        summary.getStyleClass().setAll("label", "danger");
    }

    private static javafx.scene.Node status(CheckItem item) {
        if (item.status() == CheckStatus.MANUAL) {
            CheckBox tick = new CheckBox("verify");
            tick.setId("manual-" + item.scope() + "-" + item.name());
            return tick;
        }
        Label l = new Label(item.status().name());
        l.getStyleClass().addAll("text-bold", switch (item.status()) {
            case PASS -> "success";
            case WARN -> "warning";
            default -> "danger";
        });
        return l;
    }
}
