package io.redpair.ui;

import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The content area: with no pair selected, what to do next; with a pair selected, its name, status and
 * configured boxes. The dashboard (banner, box cards, arbiter, charts, timeline) grows here.
 */
public final class PairOverviewView {

    private final StackPane root = new StackPane();
    private final boolean siteOpen;
    private boolean pairsListed;
    private PairRow shown;

    /** @param siteOpen whether a site file was given: decides what the empty page tells the engineer */
    public PairOverviewView(boolean siteOpen) {
        this.siteOpen = siteOpen;
        root.getStyleClass().add("content");
        showNothingSelected();
    }

    /** Whether the sidebar lists any pair: with none, the empty page says how to get some. */
    public void setPairsListed(boolean listed) {
        pairsListed = listed;
        if (shown == null) {
            showNothingSelected();
        }
    }

    public Parent root() {
        return root;
    }

    public void show(PairRow row) {
        shown = row;
        if (row == null) {
            showNothingSelected();
            return;
        }
        Label name = new Label(row.title());
        name.setId("pair-title");
        name.getStyleClass().add("title-2");
        HBox heading = new HBox(12, name, new StatusBadge(row.badge()));
        heading.setAlignment(Pos.CENTER_LEFT);

        GridPane boxes = new GridPane();
        boxes.setHgap(16);
        boxes.setVgap(6);
        Pair pair = row.pair();
        int line = 0;
        for (BoxId id : BoxId.values()) {
            BoxConfig box = pair.box(id);
            String role = id == pair.preferred() ? "Box " + id + " (preferred active)" : "Box " + id;
            boxes.addRow(line++, caption(role), new Label(box.url().toString()));
        }
        boxes.addRow(line, caption("Arbiter"), new Label(pair.arbiter() == null
                ? "none (network only)" : pair.arbiter().port()));

        VBox page = new VBox(20, heading, boxes);
        page.setPadding(new Insets(24));
        page.setAlignment(Pos.TOP_LEFT);
        root.getChildren().setAll(page);
    }

    private void showNothingSelected() {
        FontIcon icon = new FontIcon(Material2AL.DNS);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label(pairsListed ? "No pair selected" : siteOpen ? "No pairs" : "No site open");
        title.setId("empty-title");
        title.getStyleClass().add("title-3");
        Label hint = new Label(pairsListed
                ? "Pick a pair in the sidebar to see both boxes, the arbiter and the timeline."
                : siteOpen ? "The site file lists no pairs, or it could not be read (see the status bar)."
                : "Open a site file to watch its pairs:\nredpair gui --site plant.json");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setTextAlignment(TextAlignment.CENTER);
        VBox empty = new VBox(10, icon, title, hint);
        empty.setId("empty-state");
        empty.setAlignment(Pos.CENTER);
        empty.setMaxWidth(420);
        root.getChildren().setAll(empty);
    }

    private static Node caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }
}
