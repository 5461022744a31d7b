package io.redpair.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The bottom line: what the console is doing (left) and who decides for the site (right). A problem
 * (e.g. a site file that cannot be read) replaces the message in the danger colour, with the file's own
 * error text, until the next message.
 */
public final class StatusBarView {

    private final HBox root = new HBox(12);
    private final Label message = new Label();
    private final Label supervisor = new Label();
    private final Label readOnly = new Label("READ-ONLY");

    public StatusBarView(String version) {
        message.setId("status-message");
        message.setMinWidth(0);
        supervisor.setId("status-supervisor");
        Label versionLabel = new Label(version);
        versionLabel.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        readOnly.setId("status-read-only");
        readOnly.getStyleClass().addAll("warning", "text-bold");
        readOnly.setVisible(false);
        readOnly.setManaged(false);
        root.getChildren().addAll(message, spacer, readOnly, supervisor, versionLabel);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(4, 12, 4, 12));
        root.getStyleClass().add("status-bar");
        setSupervisor("Supervisor: not running");
    }

    public Parent root() {
        return root;
    }

    public void info(String text) {
        message.getStyleClass().remove("danger");
        message.setGraphic(null);
        message.setText(text);
    }

    public void problem(String text) {
        if (!message.getStyleClass().contains("danger")) {
            message.getStyleClass().add("danger");
        }
        message.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        message.setText(text);
    }

    /** Marks the console as a read-only observer, visibly, for as long as it runs. */
    public void showReadOnly() {
        readOnly.setVisible(true);
        readOnly.setManaged(true);
    }

    /** Who decides for this site: this console, a headless supervisor, or nobody. */
    public void setSupervisor(String text) {
        supervisor.setText(text);
    }
}
