package io.redpair.ui.pair;

import io.redpair.ui.PairBadge;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** One icon per loudness, so state is never told by colour alone. */
public final class LevelIcons {

    private LevelIcons() {
    }

    public static Ikon ikon(PairBadge.Level level) {
        switch (level) {
            case OK: return Material2MZ.VERIFIED_USER;
            case WARNING: return Material2MZ.WARNING;
            case BUSY: return Material2MZ.SYNC;
            case ALARM: return Material2AL.ERROR;
            default: return Material2MZ.PAUSE_CIRCLE_OUTLINE;
        }
    }

    public static Node icon(PairBadge.Level level, String styleClass) {
        FontIcon icon = new FontIcon(ikon(level));
        icon.getStyleClass().add(styleClass);
        return icon;
    }

    /** Replaces any level-* class on a node's style classes with this level's. */
    public static void restyle(javafx.collections.ObservableList<String> classes, PairBadge.Level level) {
        for (PairBadge.Level l : PairBadge.Level.values()) {
            classes.remove(l.styleClass());
        }
        classes.add(level.styleClass());
    }
}
