package io.redpair.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** The remembered theme, against a throw-away preferences node (no toolkit). */
class ThemeTest {

    @Test
    void theThemeChoiceIsRememberedAndGarbageFallsBackToLight() throws BackingStoreException {
        Preferences prefs = Preferences.userRoot().node("io/redpair/test/" + UUID.randomUUID());
        try {
            assertThat(Theme.load(prefs)).isEqualTo(Theme.LIGHT);
            Theme.DARK.save(prefs);
            assertThat(Theme.load(prefs)).isEqualTo(Theme.DARK);
            prefs.put("theme", "purple");
            assertThat(Theme.load(prefs)).isEqualTo(Theme.LIGHT);
            assertThat(Theme.parse(" Dark ")).contains(Theme.DARK);
            assertThat(Theme.LIGHT.other()).isEqualTo(Theme.DARK);
        } finally {
            prefs.removeNode();
        }
    }
}
