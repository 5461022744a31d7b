package io.redpair.ui.push;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The outcome: a headline, each box's revision before and after, the downtime if any, and what to do next. */
final class ResultPage {

    private final Label headline = new Label();
    private final GridPane boxes = new GridPane();
    private final Label downtime = new Label();
    private final Label advice = new Label();
    private final javafx.scene.control.ListView<String> steps = new javafx.scene.control.ListView<>();
    private final VBox root = new VBox(12, headline, boxes, downtime, advice, new Label("Steps, as they ran:"), steps);

    ResultPage() {
        headline.setId("result-headline");
        headline.getStyleClass().add("title-3");
        headline.setWrapText(true);
        boxes.setId("result-boxes");
        boxes.setHgap(24);
        boxes.setVgap(6);
        downtime.setId("result-downtime");
        advice.setId("result-advice");
        advice.setWrapText(true);
        steps.setId("result-steps");
        steps.setPrefHeight(140);
    }

    void show(PushOutcome outcome, java.util.List<String> log) {
        steps.getItems().setAll(log);
        headline.setText(outcome.headline());
        headline.setGraphic(new FontIcon(outcome.completed() ? Material2MZ.VERIFIED_USER : Material2AL.ERROR));
        headline.getStyleClass().removeAll("result-ok", "result-stopped");
        headline.getStyleClass().add(outcome.completed() ? "result-ok" : "result-stopped");
        boxes.getChildren().clear();
        String[] head = {"Box", "Role now", "Revision before", "Revision after", "What happened"};
        for (int c = 0; c < head.length; c++) {
            Label h = fixed(new Label(head[c]));
            h.getStyleClass().add("text-bold");
            boxes.add(h, c, 0);
        }
        int row = 1;
        for (PushOutcome.BoxLine b : outcome.boxes()) {
            Label what = new Label(b.what());
            what.setWrapText(true);
            what.setId("result-box-" + b.box().substring(4).toLowerCase());
            boxes.addRow(row++, fixed(new Label(b.box())), fixed(new Label(b.role())), fixed(mono(b.before())),
                    fixed(mono(b.after())), what);
        }
        downtime.setText(outcome.downtimeText());
        advice.setText(outcome.advice());
        advice.setVisible(!outcome.advice().isEmpty());
        advice.setManaged(!outcome.advice().isEmpty());
    }

    Parent root() {
        return root;
    }

    /** Never shortened: only the last column wraps. */
    private static Label fixed(Label l) {
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label mono(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("revision");
        return l;
    }
}
