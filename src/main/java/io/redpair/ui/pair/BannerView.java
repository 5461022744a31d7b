package io.redpair.ui.pair;

import io.redpair.supervisor.FlowsDrift;
import io.redpair.ui.PairRow;
import io.redpair.ui.StatusBadge;
import javafx.geometry.Pos;
import javafx.scene.control.Tooltip;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The state banner: a big icon, the headline in words, and the why underneath; coloured by level. */
public final class BannerView {

    private final HBox root = new HBox(16);
    private final Label headline = new Label();
    private final Label detail = new Label();
    private final HBox iconHolder = new HBox();
    private final StatusBadge drift = new StatusBadge(PairRow.DRIFT);

    public BannerView() {
        headline.setId("banner-headline");
        headline.getStyleClass().add("banner-headline");
        headline.setWrapText(true); // "Operator needed — A cannot be seen and its stop i..." hides the point
        headline.setMinHeight(Region.USE_PREF_SIZE);
        detail.setId("banner-detail");
        detail.getStyleClass().add("banner-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        VBox words = new VBox(2, headline, detail);
        HBox.setHgrow(words, Priority.ALWAYS);
        iconHolder.setAlignment(Pos.CENTER);
        drift.setId("banner-drift");
        drift.getStyleClass().add("drift-badge");
        showDrift(FlowsDrift.UNKNOWN);
        root.getChildren().addAll(iconHolder, words, drift);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("banner");
        root.getStyleClass().add("banner");
    }

    public Parent root() {
        return root;
    }

    private Banner last;
    private FlowsDrift lastDrift;

    /** The drift badge beside the headline: a warning that never changes the banner's own level. */
    public void showDrift(FlowsDrift d) {
        if (d.equals(lastDrift)) {
            return;
        }
        lastDrift = d;
        drift.setVisible(d.differs());
        drift.setManaged(d.differs());
        drift.setTooltip(d.differs() ? new Tooltip(d.words() + ". RedPair does not act on this; push the flows"
                + " so both boxes match.") : null);
    }

    /** Unchanged banners cost nothing: at 4 Hz most snapshots say the same thing. */
    public void show(Banner banner) {
        if (banner.equals(last)) {
            return;
        }
        last = banner;
        headline.setText(banner.headline());
        detail.setText(banner.detail());
        detail.setVisible(!banner.detail().isBlank());
        detail.setManaged(detail.isVisible());
        iconHolder.getChildren().setAll(LevelIcons.icon(banner.level(), "banner-icon"));
        LevelIcons.restyle(root.getStyleClass(), banner.level());
    }
}
