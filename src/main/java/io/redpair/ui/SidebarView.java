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
        root.setPrefWidth(280);
        root.setMinWidth(220);
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

    public ReadOnlyObjectProperty<PairRow> selected() {
        return pairs.getSelectionModel().selectedItemProperty();
    }

    private static Label placeholder(Path site) {
        Label text = new Label(site == null
                ? "No pairs yet.\nOpen a site file with --site, or start the lab pair."
                : "No pairs to show.");
        text.setId("pair-list-placeholder");
        text.setWrapText(true);
        text.getStyleClass().add("text-muted");
        text.setPadding(new Insets(12));
        return text;
    }

    /** Name over id on the left, the badge on the right. */
    private static final class PairCell extends ListCell<PairRow> {
        @Override
        protected void updateItem(PairRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(row.title());
            name.getStyleClass().add("text-bold");
            Label id = new Label(row.pair().id());
            id.getStyleClass().addAll("text-small", "text-muted");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox line = new HBox(8, new VBox(2, name, id), spacer, new StatusBadge(row.badge()));
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("pair-cell");
            setGraphic(line);
        }
    }
}
