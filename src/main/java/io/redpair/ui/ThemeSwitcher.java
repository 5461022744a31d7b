package io.redpair.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Applies a {@link Theme} to the whole application (AtlantaFX Primer light or dark). FX thread only. */
public final class ThemeSwitcher {

    private ThemeSwitcher() {
    }

    public static void apply(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
