package io.redpair.ui;

import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A small pill that shows a pair's status in words, colour and icon, so it stays readable for
 * colour-blind engineers and on a washed-out control-room screen. Styled by {@code .status-badge} and
 * the level classes in redpair.css.
 */
public final class StatusBadge extends Label {

    private final FontIcon icon = new FontIcon();

    public StatusBadge() {
        getStyleClass().add("status-badge");
        setMinWidth(USE_PREF_SIZE);
        setGraphic(icon);
    }

    public StatusBadge(PairBadge badge) {
        this();
        show(badge);
    }

    public void show(PairBadge badge) {
        for (PairBadge.Level level : PairBadge.Level.values()) {
            getStyleClass().remove(level.styleClass());
        }
        getStyleClass().add(badge.level().styleClass());
        setText(badge.text());
        icon.setIconCode(iconOf(badge.level()));
    }

    private static Ikon iconOf(PairBadge.Level level) {
        switch (level) {
            case OK: return Material2AL.CHECK_CIRCLE;
            case WARNING: return Material2MZ.WARNING;
            case BUSY: return Material2MZ.SYNC;
            case ALARM: return Material2AL.ERROR;
            default: return Material2MZ.REMOVE_CIRCLE_OUTLINE;
        }
    }
}
