package io.redpair.ui.push;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The changes per box: one tab per box in push order, each a tree of the box's changes grouped by Node-RED tab
 * (added / removed / changed with the changed properties before → after, moved).
 */
final class DiffPage {

    private final TabPane tabs = new TabPane();

    DiffPage() {
        tabs.setId("diff-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    void show(List<BoxChanges> boxes) {
        tabs.getTabs().setAll(boxes.stream().map(DiffPage::tab).toList());
    }

    Parent root() {
        return tabs;
    }

    private static Tab tab(BoxChanges box) {
        Label title = new Label(box.title());
        title.getStyleClass().add("title-4");
        Label summary = new Label(box.summary());
        summary.setId("diff-summary-" + box.box().name().toLowerCase());
        TreeItem<BoxChanges.Row> root = new TreeItem<>();
        for (BoxChanges.TabGroup g : box.groups()) {
            TreeItem<BoxChanges.Row> group = new TreeItem<>(new BoxChanges.Row("", g.tab(), "", "",
                    g.rows().size() + (g.rows().size() == 1 ? " node" : " nodes")));
            group.setExpanded(true);
            g.rows().forEach(r -> group.getChildren().add(new TreeItem<>(r)));
            root.getChildren().add(group);
        }
        TreeTableView<BoxChanges.Row> tree = new TreeTableView<>(root);
        tree.setId("diff-tree-" + box.box().name().toLowerCase());
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(new Label("No node differs"));
        tree.getColumns().add(column("Tab / node", 260, BoxChanges.Row::node));
        tree.getColumns().add(column("Change", 90, BoxChanges.Row::change));
        tree.getColumns().add(column("Type", 110, BoxChanges.Row::type));
        tree.getColumns().add(column("Id", 130, BoxChanges.Row::id));
        tree.getColumns().add(column("Properties (before → after)", 380, BoxChanges.Row::properties));
        VBox.setVgrow(tree, Priority.ALWAYS);
        VBox content = new VBox(8, title, summary, tree);
        content.setStyle("-fx-padding: 8 0 0 0");
        return new Tab("Box " + box.box(), content);
    }

    private static TreeTableColumn<BoxChanges.Row, String> column(String title, double width,
                                                                  Function<BoxChanges.Row, String> value) {
        TreeTableColumn<BoxChanges.Row, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue() == null ? ""
                : value.apply(d.getValue().getValue())));
        return c;
    }
}
