package io.redpair.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The site sidebar: the app mark, the open site, and the pairs with a status badge each. */
public final class SidebarView {

    private final VBox root = new VBox();
    private final Label siteLabel = new Label();
    private final ListView<PairRow> pairs = new ListView<>();

    public SidebarView(Path site) {
        Label title = new Label("RedPair");
        title.setId("title");
        title.getStyleClass().add("title-3");
        ImageView mark = new ImageView(new Image(Icons.url(32), 28, 28, true, true));
        HBox brand = new HBox(10, mark, title);
        brand.setAlignment(Pos.CENTER_LEFT);

        siteLabel.setId("site-label");
        siteLabel.getStyleClass().add("text-muted");
        siteLabel.setText(site == null ? "No site open" : "Site: " + site.getFileName());

        Label caption = new Label("PAIRS");
        caption.getStyleClass().addAll("text-small", "text-bold", "text-muted", "sidebar-caption");

        pairs.setId("pair-list");
        pairs.setCellFactory(list -> new PairCell());
        pairs.setPlaceholder(placeholder(site));
        VBox.setVgrow(pairs, Priority.ALWAYS);

        VBox header = new VBox(4, brand, siteLabel);
        header.setPadding(new Insets(16, 16, 12, 16));
        root.getChildren().addAll(header, caption, pairs);
        root.getStyleClass().add("sidebar");
        root.setPrefWidth(300);
        root.setMinWidth(220);
        root.setMaxWidth(560);
    }

    public Parent root() {
        return root;
    }

    /** Replaces the listed pairs, keeping the selection on the same pair id when it is still there. */
    public void showPairs(List<PairRow> rows) {
        String selectedId = selected().get() == null ? null : selected().get().pair().id();
        pairs.getItems().setAll(rows);
        rows.stream().filter(r -> r.pair().id().equals(selectedId)).findFirst()
                .ifPresent(r -> pairs.getSelectionModel().select(r));
    }

    /** The site's own name once its file is read (the file name until then). */
    public void setSiteName(String name) {
        siteLabel.setText("Site: " + name);
    }

    public ReadOnlyObjectProperty<PairRow> selected() {
        return pairs.getSelectionModel().selectedItemProperty();
    }

    /** Top-aligned (a ListView centres its placeholder, which floats mid-sidebar). */
    private static VBox placeholder(Path site) {
        Label text = new Label(site == null ? "No pairs: no site file is open." : "No pairs to show yet.");
        text.setId("pair-list-placeholder");
        text.setWrapText(true);
        text.getStyleClass().add("text-muted");
        VBox box = new VBox(text);
        box.setAlignment(Pos.TOP_LEFT);
        box.setPadding(new Insets(4, 16, 4, 16));
        return box;
    }

    /** Name over id on the left, the badge on the right; nodes built once per cell, updated in place. */
    private static final class PairCell extends ListCell<PairRow> {
        private final Label name = new Label();
        private final Label id = new Label();
        private final StatusBadge badge = new StatusBadge();
        /** Under the name, beside the id: a second badge beside the status would squeeze the name. */
        private final Label drift = new Label(PairRow.DRIFT.text(),
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2MZ.WARNING));
        private final HBox line;

        PairCell() {
            setPrefWidth(0); // follow the list's width: long names shorten, the badge is never cut off
            name.getStyleClass().add("text-bold");
            name.setMinWidth(0);
            name.setWrapText(true); // a long pair name takes two lines instead of an ellipsis; the tooltip has it all
            id.getStyleClass().addAll("text-small", "text-muted");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            drift.getStyleClass().addAll("text-small", "drift-badge", "drift-note");
            line = new HBox(8, new VBox(2, name, new HBox(8, id, drift)), spacer, badge);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("pair-cell");
            // A wrapping label only wraps when its width is bounded before the row's height is computed: the name
            // gets what the cell leaves beside the status badge (cell padding + gaps ~ 48 px); the drift note sits
            // under the name, so it takes no room from it ("Paint shop" on one line, not "Paint / shop").
            javafx.beans.binding.DoubleBinding room = widthProperty().subtract(badge.widthProperty()).subtract(48);
            name.prefWidthProperty().bind(room);
            name.maxWidthProperty().bind(room);
            name.setMinHeight(Region.USE_PREF_SIZE);
            room.addListener((o, was, now) -> requestLayout()); // the row's height follows the wrapped name
        }

        @Override
        protected void updateItem(PairRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText(row.title());
            id.setText(row.pair().id());
            badge.show(row.badge());
            drift.setVisible(row.drift());
            drift.setManaged(row.drift());
            setGraphic(line);
            setTooltip(new Tooltip(row.title() + " (" + row.pair().id() + "): " + row.badge().text()
                    + (row.drift() ? "; the boxes' flows differ" : "")));
        }
    }
}
