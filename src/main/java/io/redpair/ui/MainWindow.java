package io.redpair.ui;

import io.redpair.pair.Site;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.prefs.Preferences;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The console's shell: site sidebar (left), the selected pair (centre), a header with the theme switch,
 * and the status bar. Background threads hand pair lists in through {@link #publish}, which coalesces
 * them (latest wins) onto the JavaFX thread; nothing here blocks that thread.
 */
public final class MainWindow {

    private final BorderPane frame = new BorderPane();
    private final BorderPane main = new BorderPane();
    /** Above the frame: in-window notifications and other floating layers; lets clicks through where empty. */
    private final StackPane overlay = new StackPane();
    private final StackPane root = new StackPane(frame, overlay);
    /** Pages fill the content area; on a small screen they scroll instead of pushing the status bar off the window. */
    private final ScrollPane pageScroller = new ScrollPane();
    private final SidebarView sidebar;
    private final PairOverviewView overview;
    private final StatusBarView statusBar;
    private final Preferences prefs;
    private final Theme initialTheme;
    private final CoalescingUpdater<List<PairRow>> rows;
    private final Label heading = new Label("Site overview");
    private final Label headingContext = new Label();
    private String siteName;

    /**
     * @param theme the theme already applied (the toggle starts in that position)
     * @param prefs where a theme change is remembered (tests pass a throw-away node)
     */
    public MainWindow(Path site, Theme theme, Preferences prefs, String version) {
        this.prefs = prefs;
        this.initialTheme = theme;
        this.sidebar = new SidebarView(site);
        this.overview = new PairOverviewView(site != null);
        this.statusBar = new StatusBarView(version);
        this.rows = new CoalescingUpdater<>(FxExecutor.INSTANCE, this::showPairs);
        sidebar.selected().addListener((obs, old, row) -> {
            overview.show(row);
            name(row);
        });
        main.setCenter(pageScroller());
        main.setTop(header());
        frame.setCenter(sidebarAndContent());
        frame.setBottom(statusBar.root());
        overlay.setPickOnBounds(false);
        if (site == null) {
            statusBar.info("Ready");
        } else {
            open(site);
        }
    }

    public Parent root() {
        return root;
    }

    /** A layer over the whole window for floating nodes (notifications); empty areas let clicks through. */
    public Pane overlay() {
        return overlay;
    }

    private ScrollPane pageScroller() {
        pageScroller.setId("page-scroll");
        pageScroller.setFitToWidth(true);
        pageScroller.setFitToHeight(true);
        pageScroller.getStyleClass().add("edge-to-edge");
        pageScroller.setContent(overview.root());
        return pageScroller;
    }

    /**
     * The sidebar and the content side by side with a draggable divider: long pair names get room when the
     * engineer wants it. The sidebar keeps its width when the window is resized; the content takes the rest.
     */
    private SplitPane sidebarAndContent() {
        SplitPane split = new SplitPane(sidebar.root(), main);
        split.setId("sidebar-split");
        SplitPane.setResizableWithParent(sidebar.root(), false);
        split.setDividerPositions(0.24);
        return split;
    }

    /** The pair selected in the sidebar (JavaFX thread). */
    public ReadOnlyObjectProperty<PairRow> selectedPair() {
        return sidebar.selected();
    }

    /** Replaces the content area with a feature's page (the pair dashboard); null shows the overview again. */
    public void showPage(Parent page) {
        pageScroller.setContent(page == null ? overview.root() : page);
    }

    public StatusBarView statusBar() {
        return statusBar;
    }

    /** Thread-safe: the newest list wins; at most one update is queued on the JavaFX thread. */
    public void publish(List<PairRow> pairRows) {
        rows.submit(List.copyOf(pairRows));
    }

    /** Shows a site's pairs as configured (nothing decides for them until a supervisor reports). FX thread. */
    public void show(Site site) {
        sidebar.setSiteName(site.name());
        siteName = site.name();
        name(sidebar.selected().get());
        showPairs(site.pairs().stream().map(p -> new PairRow(p, null)).toList());
        statusBar.info("Site " + site.name() + ": " + site.pairs().size() + " pair(s)");
    }

    private void showPairs(List<PairRow> pairRows) {
        sidebar.showPairs(pairRows);
        overview.setPairsListed(!pairRows.isEmpty());
    }

    /** Reads the site file off the JavaFX thread; its error text (file, line, key) goes to the status bar. */
    private void open(Path site) {
        statusBar.info("Opening " + site.getFileName() + " ...");
        CompletableFuture.supplyAsync(() -> load(site)).whenCompleteAsync((loaded, failure) -> {
            if (failure == null) {
                show(loaded);
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                statusBar.problem("Cannot open site file: " + cause.getMessage());
            }
        }, FxExecutor.INSTANCE);
    }

    private static Site load(Path site) {
        try {
            return SiteFile.load(site);
        } catch (SiteFileException e) {
            throw new CompletionException(e);
        }
    }

    /** The header names what the page shows: the selected pair and its site, else the site overview. */
    private void name(PairRow row) {
        heading.setText(row == null ? "Site overview" : row.pair().name());
        String where = siteName == null ? "" : "Site " + siteName + " · ";
        headingContext.setText(row == null ? "" : where + "pair " + row.pair().id());
    }

    private Parent header() {
        heading.setId("page-heading");
        heading.getStyleClass().add("title-4");
        headingContext.setId("page-heading-context");
        headingContext.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, heading, headingContext, spacer, themeToggle());
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 16));
        bar.getStyleClass().add("header");
        return bar;
    }

    private ToggleButton themeToggle() {
        ToggleButton toggle = new ToggleButton();
        toggle.setId("theme-toggle");
        toggle.getStyleClass().addAll("button-icon", "flat");
        toggle.setSelected(initialTheme == Theme.DARK);
        decorate(toggle);
        toggle.selectedProperty().addListener((obs, was, dark) -> {
            Theme theme = dark ? Theme.DARK : Theme.LIGHT;
            ThemeSwitcher.apply(theme);
            theme.save(prefs);
            decorate(toggle);
        });
        return toggle;
    }

    /** The button shows what a click switches to. */
    private static void decorate(ToggleButton toggle) {
        boolean dark = toggle.isSelected();
        toggle.setGraphic(new FontIcon(dark ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY));
        toggle.setTooltip(new Tooltip(dark ? "Switch to the light theme" : "Switch to the dark theme"));
    }
}
