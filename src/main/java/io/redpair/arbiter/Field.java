package io.redpair.arbiter;

import java.util.List;
import java.util.Optional;

/**
 * One comma-separated field of a frame: {@code key=value}, split at the first {@code =} (values may
 * contain {@code =}, e.g. PREP's {@code cmd=FENCE/box=A/...}). A bare token (PREP's verb) has a null value.
 */
public record Field(String key, String value) {

    public static Field of(String key, Object value) {
        return new Field(key, String.valueOf(value));
    }

    public static Field bare(String token) {
        return new Field(token, null);
    }

    public boolean isBare() {
        return value == null;
    }

    /** The wire form. */
    public String encode() {
        return value == null ? key : key + "=" + value;
    }

    /** The value of the first field named {@code key} (bare tokens are never matched). */
    public static Optional<String> find(List<Field> fields, String key) {
        for (Field f : fields) {
            if (!f.isBare() && f.key.equals(key)) {
                return Optional.of(f.value);
            }
        }
        return Optional.empty();
    }
}
