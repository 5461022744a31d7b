package io.redpair.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The console's colour theme. The engineer's choice is remembered per OS user with
 * {@link java.util.prefs.Preferences} (no file of our own to write atomically, nothing in the site file:
 * two engineers sharing a site can prefer different themes). No JavaFX here, so it is tested without
 * the toolkit; {@link ThemeSwitcher} applies it.
 */
public enum Theme {
    LIGHT, DARK;

    static final String KEY = "theme";

    /** The default preferences node of the console (per OS user). */
    public static Preferences userNode() {
        return Preferences.userRoot().node("io/redpair/console");
    }

    /** The stored theme, LIGHT when nothing (or garbage) is stored. */
    public static Theme load(Preferences prefs) {
        return parse(prefs.get(KEY, null)).orElse(LIGHT);
    }

    public void save(Preferences prefs) {
        prefs.put(KEY, name().toLowerCase(Locale.ROOT));
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Accepts "light"/"dark" in any case (the -Dredpair.theme override and the stored value). */
    public static Optional<Theme> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        return t.equals("LIGHT") || t.equals("DARK") ? Optional.of(valueOf(t)) : Optional.empty();
    }
}
