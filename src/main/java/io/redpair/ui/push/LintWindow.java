package io.redpair.ui.push;

import io.redpair.flows.FlowSet;
import io.redpair.flows.lint.ContextStores;
import io.redpair.flows.lint.FlowLinter;
import io.redpair.flows.lint.LintReport;
import java.io.File;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The HA-readiness lint on its own: open a flows file (or type a Node-RED URL), see the findings. Nothing is
 * deployed. Reading and linting run off the JavaFX thread. Links open the node in the source's editor when the
 * source is a URL; for a file the id is copied for the editor's search box.
 */
public final class LintWindow {

    private LintWindow() {
    }

    public static Stage open(Window owner, PushPort port, Executor fx) {
        Stage stage = new Stage();
        Label status = new Label("Open a Node-RED export or type the admin URL of a Node-RED.");
        status.setId("lint-status");
        status.setWrapText(true);
        LintTable table = new LintTable((link, id) -> EditorLinks.open(link, id, status::setText));
        TextField spec = new TextField();
        spec.setId("lint-source");
        spec.setPromptText("/path/to/flows.json   or   http://dev-box:1880/");
        HBox.setHgrow(spec, Priority.ALWAYS);
        Button check = new Button("Check");
        check.setId("lint-check");
        check.setDefaultButton(true);
        Button browse = new Button("Open ...", new FontIcon(Material2AL.FOLDER_OPEN));
        browse.setId("lint-open");
        Runnable run = () -> {
            String from = spec.getText().strip();
            status.setText("Reading " + from + " ...");
            check.setDisable(true);
            CompletableFuture.supplyAsync(() -> lint(port, from)).whenCompleteAsync((r, failure) -> {
                check.setDisable(false);
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    status.setText(cause.getMessage());
                    table.show("", List.of());
                } else {
                    status.setText(r.source() + " — rev " + r.revision().substring(0, 12)
                            + "; context stores unknown: Node-RED's default (memory) assumed");
                    table.show(LintRow.counts(r), LintRow.of(r, NodeLinks.of(from, List.of())));
                }
            }, fx);
        };
        check.setOnAction(e -> run.run());
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Flows to check");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Node-RED flows (*.json)", "*.json"));
            File f = chooser.showOpenDialog(stage);
            if (f != null) {
                spec.setText(f.getAbsolutePath());
                run.run();
            }
        });
        VBox.setVgrow(table.root(), Priority.ALWAYS);
        VBox root = new VBox(10, new HBox(8, spec, browse, check), table.root(), status);
        root.setPadding(new Insets(16));
        Scene scene = new Scene(root, 1100, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
        } else {
            scene.getStylesheets().add(io.redpair.ui.Styles.URL);
        }
        stage.setTitle("HA-readiness lint");
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static LintReport lint(PushPort port, String spec) {
        try {
            FlowSet flows = port.loadSource(spec);
            return FlowLinter.lint(flows, ContextStores.unknown());
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }
}
