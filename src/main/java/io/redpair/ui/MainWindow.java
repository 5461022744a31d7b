package io.redpair.ui;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** Placeholder main window: a sidebar and a content area the dashboard will fill. */
public final class MainWindow {

    private final BorderPane root = new BorderPane();

    public MainWindow(Path site) {
        Label title = new Label("RedPair");
        title.setId("title");
        title.getStyleClass().add("title-2");
        Label sub = new Label(site == null ? "No site open" : "Site: " + site.getFileName());
        sub.setId("site-label");
        VBox sidebar = new VBox(8, title, sub);
        sidebar.setPadding(new Insets(16));
        sidebar.setPrefWidth(260);
        root.setLeft(sidebar);
    }

    public Parent root() {
        return root;
    }
}
