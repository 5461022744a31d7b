package io.redpair.ui.pair;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The state banner: a big icon, the headline in words, and the why underneath; coloured by level. */
public final class BannerView {

    private final HBox root = new HBox(16);
    private final Label headline = new Label();
    private final Label detail = new Label();
    private final HBox iconHolder = new HBox();

    public BannerView() {
        headline.setId("banner-headline");
        headline.getStyleClass().add("banner-headline");
        detail.setId("banner-detail");
        detail.getStyleClass().add("banner-detail");
        detail.setWrapText(true);
        VBox words = new VBox(2, headline, detail);
        HBox.setHgrow(words, Priority.ALWAYS);
        iconHolder.setAlignment(Pos.CENTER);
        root.getChildren().addAll(iconHolder, words);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("banner");
        root.getStyleClass().add("banner");
    }

    public Parent root() {
        return root;
    }

    private Banner last;

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
