package io.redpair.ui;

import java.util.Objects;

/** The console's own style sheet (on top of the AtlantaFX theme): badges, sidebar, status bar. */
public final class Styles {

    public static final String URL = Objects.requireNonNull(Styles.class.getResource("redpair.css"),
            "redpair.css missing from the class path").toExternalForm();

    private Styles() {
    }
}
