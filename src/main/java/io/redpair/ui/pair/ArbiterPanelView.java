package io.redpair.ui.pair;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The arbiter panel: a headline with icon, then caption/value rows. */
public final class ArbiterPanelView {

    private final VBox root = new VBox(8);
    private final Label headline = new Label();
    private final GridPane rows = new GridPane();

    public ArbiterPanelView() {
        root.setId("arbiter-panel");
        root.getStyleClass().add("box-card");
        Label title = new Label("Arbiter");
        title.getStyleClass().add("card-title");
        headline.setId("arbiter-headline");
        headline.getStyleClass().add("card-condition");
        headline.setWrapText(true);
        rows.setHgap(12);
        rows.setVgap(4);
        root.getChildren().addAll(title, headline, rows);
        root.setMinWidth(300);
        root.setPrefWidth(340);
    }

    public Parent root() {
        return root;
    }

    private ArbiterPanel last;

    public void show(ArbiterPanel panel) {
        if (panel.equals(last)) {
            return;
        }
        last = panel;
        headline.setText(panel.headline());
        headline.setGraphic(LevelIcons.icon(panel.level(), "card-condition-icon"));
        LevelIcons.restyle(headline.getStyleClass(), panel.level());
        rows.getChildren().clear();
        int i = 0;
        for (ArbiterPanel.Line line : panel.lines()) {
            Label caption = new Label(line.caption());
            caption.getStyleClass().add("text-muted");
            caption.setMinWidth(Label.USE_PREF_SIZE);
            Label value = new Label(line.value());
            value.setWrapText(true);
            rows.addRow(i++, caption, value);
        }
    }
}
