package io.redpair.ui.push;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The wizard's frame: the title and the page steps on top (the current one marked), the page in the middle, and
 * at the bottom what is running, the problem if any, and the Back / main / Cancel buttons. Also the source page,
 * which is only a field and a file chooser.
 */
final class WizardFrame {

    private final PushWizardModel model;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final HBox steps = new HBox(18);
    private final Label busy = new Label();
    private final Label problem = new Label();
    private final Label note = new Label();
    private final Button back = new Button("Back");
    private final Button main = new Button();
    private final Button cancel = new Button("Cancel");
    private final TextField source = new TextField();
    private final VBox sourcePane;

    WizardFrame(PushWizardModel model, Runnable onMain, Runnable onBack, Runnable onClose) {
        this.model = model;
        title.getStyleClass().add("title-2");
        title.setId("wizard-title");
        steps.getStyleClass().add("wizard-steps");
        VBox top = new VBox(8, title, steps);
        top.setPadding(new Insets(16, 20, 12, 20));
        top.getStyleClass().add("header");
        busy.setId("wizard-busy");
        problem.setId("wizard-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        note.setId("wizard-note");
        note.setWrapText(true);
        back.setId("wizard-back");
        main.setId("wizard-main");
        main.setDefaultButton(true);
        cancel.setId("wizard-cancel");
        back.setOnAction(e -> onBack.run());
        main.setOnAction(e -> onMain.run());
        cancel.setOnAction(e -> onClose.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, busy, gap, back, main, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, problem, note, buttons);
        bottom.setPadding(new Insets(10, 20, 16, 20));
        bottom.getStyleClass().add("status-bar");
        root.setTop(top);
        root.setBottom(bottom);
        source.setId("push-source");
        source.setPromptText("/path/to/flows.json   or   http://dev-box:1880/");
        source.textProperty().addListener((o, a, b) -> {
            model.setSourceSpec(b);
            refreshButtons();
        });
        HBox.setHgrow(source, Priority.ALWAYS);
        Button browse = new Button("Browse ...", new FontIcon(Material2AL.FOLDER_OPEN));
        browse.setId("push-browse");
        browse.setOnAction(e -> choose());
        Label intro = new Label("Which flows should run on both boxes? A Node-RED export (Menu → Export → JSON), "
                + "a v2 flows document, or the admin URL of a development Node-RED, read with GET /flows.");
        intro.setWrapText(true);
        sourcePane = new VBox(10, intro, new HBox(8, source, browse),
                new Label("The flows are checked for takeover problems first; nothing is deployed before you confirm the plan."));
    }

    Parent root() {
        return root;
    }

    Parent sourcePane() {
        return sourcePane;
    }

    /** A line under the page (e.g. what a link click did). */
    void note(String text) {
        note.setText(text);
        note.setManaged(!text.isEmpty());
    }

    void refresh(Parent page) {
        title.setText(model.title());
        int current = model.pages().indexOf(model.page());
        steps.getChildren().setAll(model.pages().stream().map(p -> {
            int i = model.pages().indexOf(p);
            Label l = new Label((i + 1) + "  " + p.title());
            l.getStyleClass().add(i == current ? "current" : i < current ? "done" : "todo");
            return l;
        }).toList());
        BorderPane.setMargin(page, new Insets(14, 20, 8, 20));
        if (root.getCenter() != page) {
            root.setCenter(page);
        }
        refreshButtons();
    }

    private void refreshButtons() {
        busy.setText(model.busyText().orElse(""));
        busy.setGraphic(model.busyText().isPresent() ? small(new ProgressIndicator()) : null);
        problem.setText(model.problem());
        problem.setManaged(!model.problem().isEmpty());
        note.setManaged(!note.getText().isEmpty());
        main.setText(model.mainLabel());
        main.setDisable(!model.mainEnabled());
        back.setDisable(model.back().isEmpty());
        back.setVisible(!model.rollback());
        boolean started = model.page() == PushWizardModel.Page.PROGRESS || model.page() == PushWizardModel.Page.RESULT;
        cancel.setVisible(!started);
        cancel.setManaged(!started);
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Flows to push");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Node-RED flows (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            source.setText(f.getAbsolutePath());
        }
    }

    private static ProgressIndicator small(ProgressIndicator p) {
        p.setPrefSize(16, 16);
        return p;
    }
}
