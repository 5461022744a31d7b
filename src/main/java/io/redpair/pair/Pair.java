package io.redpair.pair;

import java.util.Map;
import java.util.Objects;

/** One HA pair: two boxes, the preferred active, the canary path, optional arbiter, and its policy. */
public record Pair(String id, String name, Map<BoxId, BoxConfig> boxes, BoxId preferred, String heartbeatPath,
                   ArbiterConfig arbiter, Policy policy) {
    public Pair {
        Objects.requireNonNull(id, "id");
        boxes = Map.copyOf(boxes);
        if (!boxes.containsKey(BoxId.A) || !boxes.containsKey(BoxId.B)) {
            throw new IllegalArgumentException("a pair needs boxes A and B");
        }
    }

    public BoxConfig box(BoxId id) {
        return boxes.get(id);
    }

    public boolean hasCanary() {
        return heartbeatPath != null && !heartbeatPath.isBlank();
    }
}
