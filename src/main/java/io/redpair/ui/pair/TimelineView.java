package io.redpair.ui.pair;

import io.redpair.supervisor.SupervisorEvent;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pair's timeline, newest first, with one filter toggle per category. Rebuilt only when the
 * snapshot's timeline changed, so a 4 Hz stream of unchanged snapshots costs nothing here.
 */
public final class TimelineView {

    private final VBox root = new VBox(6);
    private final ObservableList<TimelineEntry> shown = FXCollections.observableArrayList();
    private final Set<TimelineEntry.Category> selected = EnumSet.allOf(TimelineEntry.Category.class);
    private final ZoneId zone;
    private List<SupervisorEvent> last = List.of();

    public TimelineView(ZoneId zone) {
        this.zone = zone;
        Label title = new Label("Timeline");
        title.getStyleClass().add("card-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        // the filters wrap onto a second line on a narrow window instead of shrinking to "S..." and "Bo..."
        FlowPane filters = new FlowPane(4, 4);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox header = new HBox(8, title, filters);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(filters, Priority.ALWAYS);
        for (TimelineEntry.Category c : TimelineEntry.Category.values()) {
            ToggleButton t = new ToggleButton(c.label());
            t.setId("filter-" + c.name().toLowerCase());
            t.getStyleClass().add("small");
            t.setSelected(true);
            t.setMinWidth(Region.USE_PREF_SIZE);
            t.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    selected.add(c);
                } else {
                    selected.remove(c);
                }
                rebuild();
            });
            filters.getChildren().add(t);
        }
        ListView<TimelineEntry> list = new ListView<>(shown);
        list.setId("timeline");
        list.getStyleClass().add("timeline");
        list.setCellFactory(v -> new TimelineCell(list));
        VBox.setVgrow(list, Priority.ALWAYS);
        root.getChildren().addAll(header, list);
        root.getStyleClass().add("timeline-pane");
    }

    public Parent root() {
        return root;
    }

    public void show(List<SupervisorEvent> timeline) {
        if (timeline.equals(last)) {
            return;
        }
        last = timeline;
        rebuild();
    }

    private void rebuild() {
        List<TimelineEntry> out = new ArrayList<>();
        for (int i = last.size() - 1; i >= 0; i--) {
            TimelineEntry e = TimelineEntry.of(last.get(i), zone);
            if (selected.contains(e.category())) {
                out.add(e);
            }
        }
        shown.setAll(out);
    }

    /**
     * One entry as a wrapping label sized to the list's width: a ListCell's own wrapping sizes its height for
     * two lines but draws one cut to "...", and "what happened" must be read in full.
     */
    private static final class TimelineCell extends ListCell<TimelineEntry> {
        private final Label line = new Label();

        TimelineCell(ListView<TimelineEntry> list) {
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.maxWidthProperty().bind(list.widthProperty().subtract(32)); // minus padding and scrollbar
            line.prefWidthProperty().bind(line.maxWidthProperty());
            setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
        }

        @Override
        protected void updateItem(TimelineEntry item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            line.setText(empty || item == null ? null : item.line());
            setGraphic(empty || item == null ? null : line);
            getStyleClass().removeIf(s -> s.startsWith("tl-"));
            if (!empty && item != null) {
                getStyleClass().add("tl-" + item.category().name().toLowerCase());
            }
        }
    }

    public List<TimelineEntry> entries() {
        return List.copyOf(shown);
    }
}
