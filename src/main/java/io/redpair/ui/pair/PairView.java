package io.redpair.ui.pair;

import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.ui.actions.ActionsBar;
import java.time.Instant;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One pair's dashboard page: banner, actions, the two box cards and the arbiter side by side, the
 * heartbeat chart and the timeline. Thin: every text comes from the pure models in this package.
 */
public final class PairView {

    public static final String STYLESHEET = PairView.class.getResource("pair.css").toExternalForm();

    /** The chart is a trend, not a reading: narrow, so the timeline's lines and filters fit on one line. */
    private static final double CHART_WIDTH = 300;
    /** About eight timeline entries: at 1280×800 the timeline shows a history, not three lines. */
    private static final double LOWER_MIN_HEIGHT = 240;

    private final VBox root = new VBox(10);
    private final BannerView banner = new BannerView();
    private final BoxCardView cardA = new BoxCardView("card-a");
    private final BoxCardView cardB = new BoxCardView("card-b");
    private final ArbiterPanelView arbiter = new ArbiterPanelView();
    private final HeartbeatChartView chart = new HeartbeatChartView();
    private final TimelineView timeline;
    private final ActionsBar actions;
    private final ZoneId zone;
    private final long windowMs;

    public PairView(ActionsBar actions, ZoneId zone, long windowMs) {
        this.actions = actions;
        this.zone = zone;
        this.windowMs = windowMs;
        this.timeline = new TimelineView(zone);
        HBox cards = new HBox(10, cardA.root(), cardB.root(), arbiter.root());
        for (javafx.scene.Node card : cards.getChildren()) { // equal thirds: no card's values wrap for another's
            ((Region) card).setPrefWidth(300);
            HBox.setHgrow(card, Priority.ALWAYS);
        }
        cards.setMinHeight(Region.USE_PREF_SIZE); // never squeezed until wrapped values are cut: the page scrolls
        HBox lower = new HBox(10, chart.root(), timeline.root());
        HBox.setHgrow(chart.root(), Priority.SOMETIMES);
        HBox.setHgrow(timeline.root(), Priority.ALWAYS);
        ((Region) chart.root()).setPrefWidth(CHART_WIDTH);
        ((Region) timeline.root()).setPrefWidth(640);
        // the timeline (what happened, when) takes the height left; below its minimum the page scrolls
        lower.setMinHeight(LOWER_MIN_HEIGHT);
        lower.setPrefHeight(LOWER_MIN_HEIGHT);
        VBox.setVgrow(lower, Priority.ALWAYS);
        root.getChildren().addAll(banner.root(), actions.root(), cards, lower);
        root.setPadding(new Insets(12, 16, 12, 16));
        root.setId("pair-view");
        root.getStylesheets().add(STYLESHEET);
    }

    public Parent root() {
        return root;
    }

    /**
     * Shows the pair as of {@code at} (the snapshot's time); {@code arbiterView} is null when no arbiter view
     * is reported.
     */
    public void show(Pair config, PairSnapshot p, Instant at, PairHistory history, ArbiterSnapshot arbiterView) {
        banner.show(Banner.of(p, zone));
        banner.showDrift(p.drift());
        actions.update(p);
        cardA.show(BoxCard.of(p, BoxId.A), history.thinned(BoxId.A, 80));
        cardB.show(BoxCard.of(p, BoxId.B), history.thinned(BoxId.B, 80));
        arbiter.show(ArbiterPanel.of(config == null ? null : config.arbiter(), arbiterView));
        chart.show(history, at.toEpochMilli(), windowMs);
        timeline.show(p.timeline());
    }
}
