package io.redpair.ui.push;

import io.redpair.flows.lint.Severity;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Lint findings as a table (severity with icon and word, tab, node, type, id as a link, the problem) and the
 * selected finding's full explanation below it. Used by the push wizard and by the stand-alone lint window.
 * Clicking an id opens the node in an editor that has it, or copies the id when none does.
 */
final class LintTable {

    private final TableView<LintRow> table = new TableView<>();
    private final Label headline = new Label();
    private final Label explanation = new Label("Select a finding to read why it matters on a takeover and what to do.");
    private final Label hint = new Label("Findings do not block a push. Each one is something that loses state, repeats"
            + " an action or needs the site to follow the active box on a takeover; select one to read why.");
    private final VBox root = new VBox(8, headline, hint, table, explanation);

    /** @param openLink opens an editor link; gets (link, id) and reports what it did */
    LintTable(java.util.function.BiConsumer<URI, String> openLink) {
        table.setId("lint-table");
        headline.setId("lint-headline");
        headline.getStyleClass().add("title-4");
        explanation.setId("lint-explanation");
        explanation.setWrapText(true);
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No findings"));
        table.getColumns().add(severityColumn());
        table.getColumns().add(column("Tab", 150, LintRow::tab));
        table.getColumns().add(column("Node", 170, LintRow::node));
        table.getColumns().add(column("Type", 100, LintRow::type));
        table.getColumns().add(idColumn(openLink));
        table.getColumns().add(column("Problem", 360, LintRow::problem));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                explanation.setText(row.explanation());
            }
        });
    }

    void show(String counts, List<LintRow> rows) {
        headline.setText(counts);
        table.getItems().setAll(rows);
    }

    Parent root() {
        return root;
    }

    private static TableColumn<LintRow, String> column(String title, double width, Function<LintRow, String> value) {
        TableColumn<LintRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static TableColumn<LintRow, String> severityColumn() {
        TableColumn<LintRow, String> c = column("Severity", 95, r -> r.severity().label());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                LintRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : item);
                setGraphic(row == null ? null : icon(row.severity()));
            }
        });
        return c;
    }

    private static FontIcon icon(Severity s) {
        FontIcon icon = new FontIcon(s == Severity.ERROR ? Material2AL.ERROR
                : s == Severity.WARNING ? Material2MZ.WARNING : Material2AL.INFO);
        icon.getStyleClass().add("severity-" + s.label());
        return icon;
    }

    private static TableColumn<LintRow, String> idColumn(java.util.function.BiConsumer<URI, String> openLink) {
        TableColumn<LintRow, String> c = column("Id", 130, LintRow::id);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                LintRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setGraphic(null);
                    return;
                }
                Hyperlink link = new Hyperlink(row.id());
                link.getStyleClass().add("node-link");
                link.setOnAction(e -> openLink.accept(row.link(), row.id()));
                setGraphic(link);
            }
        });
        return c;
    }
}
