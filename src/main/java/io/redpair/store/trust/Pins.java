package io.redpair.store.trust;

import io.redpair.pair.BoxId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** All pins of a site, by pair id and box. Immutable; the {@code with...} methods return a new value. */
public final class Pins {

    private final Map<String, Map<BoxId, BoxPin>> byPair;

    private Pins(Map<String, Map<BoxId, BoxPin>> byPair) {
        this.byPair = byPair;
    }

    public static Pins none() {
        return new Pins(Map.of());
    }

    public Optional<BoxPin> get(String pairId, BoxId box) {
        return Optional.ofNullable(byPair.getOrDefault(pairId, Map.of()).get(box));
    }

    /** Compares a presented key (base64 SPKI SHA-256) with what is pinned for the box. */
    public TrustVerdict assess(String pairId, BoxId box, String presentedPin) {
        String presented = Fingerprints.requirePin(presentedPin);
        Optional<BoxPin> pin = get(pairId, box);
        if (pin.isEmpty()) {
            return TrustVerdict.FIRST_USE;
        }
        if (pin.get().current().equals(presented)) {
            return TrustVerdict.MATCHES_CURRENT;
        }
        return presented.equals(pin.get().next()) ? TrustVerdict.MATCHES_NEXT : TrustVerdict.CHANGED;
    }

    public Pins with(String pairId, BoxId box, BoxPin pin) {
        Map<String, Map<BoxId, BoxPin>> copy = mutableCopy();
        copy.computeIfAbsent(pairId, k -> new EnumMap<>(BoxId.class)).put(box, pin);
        return new Pins(freeze(copy));
    }

    public Pins without(String pairId, BoxId box) {
        Map<String, Map<BoxId, BoxPin>> copy = mutableCopy();
        Map<BoxId, BoxPin> boxes = copy.get(pairId);
        if (boxes != null) {
            boxes.remove(box);
            if (boxes.isEmpty()) {
                copy.remove(pairId);
            }
        }
        return new Pins(freeze(copy));
    }

    /** Pair id → box → pin, sorted, read-only. */
    public Map<String, Map<BoxId, BoxPin>> asMap() {
        return byPair;
    }

    static Pins of(Map<String, Map<BoxId, BoxPin>> byPair) {
        return new Pins(freeze(byPair));
    }

    private Map<String, Map<BoxId, BoxPin>> mutableCopy() {
        Map<String, Map<BoxId, BoxPin>> copy = new TreeMap<>();
        byPair.forEach((pair, boxes) -> copy.put(pair, new EnumMap<>(boxes)));
        return copy;
    }

    private static Map<String, Map<BoxId, BoxPin>> freeze(Map<String, Map<BoxId, BoxPin>> map) {
        Map<String, Map<BoxId, BoxPin>> frozen = new TreeMap<>();
        map.forEach((pair, boxes) -> frozen.put(pair, Collections.unmodifiableMap(new EnumMap<>(boxes))));
        return Collections.unmodifiableMap(frozen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pins other && other.byPair.equals(byPair);
    }

    @Override
    public int hashCode() {
        return byPair.hashCode();
    }
}
