package io.redpair.store.trust;

import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Site;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the pins confirmed with {@code redpair trust} into the site the supervisor connects with, so a
 * box whose key was confirmed is only ever reached with that key. A site-file {@code tlsPin} that
 * disagrees with the confirmed pin is an error: two sources of trust must never silently differ.
 * A staged next pin goes along ({@link BoxConfig#tlsNextPin()}): the client accepts either key, so a box
 * that rotates as planned stays reachable; {@code redpair trust} promotes the next pin to current.
 */
public final class ConfirmedPins {

    private ConfirmedPins() {
    }

    /** The site file with the pins of {@code <site>.pins.json} applied: how every supervisor must load a site. */
    public static Site loadSite(java.nio.file.Path siteFile)
            throws io.redpair.store.SiteFileException, PinFileException {
        return apply(io.redpair.store.SiteFile.load(siteFile), PinFile.load(PinFile.fileFor(siteFile)));
    }

    public static Site apply(Site site, Pins pins) {
        List<Pair> pairs = new ArrayList<>();
        for (Pair pair : site.pairs()) {
            Map<BoxId, BoxConfig> boxes = new EnumMap<>(BoxId.class);
            for (BoxId box : BoxId.values()) {
                boxes.put(box, pinned(pair.id(), box, pair.box(box), pins.get(pair.id(), box)));
            }
            pairs.add(new Pair(pair.id(), pair.name(), boxes, pair.preferred(), pair.heartbeatPath(), pair.arbiter(),
                    pair.policy()));
        }
        return site.withPairs(pairs);
    }

    private static BoxConfig pinned(String pairId, BoxId box, BoxConfig config, Optional<BoxPin> confirmed) {
        if (confirmed.isEmpty() || !"https".equals(config.url().getScheme())) {
            return config;
        }
        String pin = confirmed.get().current();
        String next = confirmed.get().next();
        if (config.tlsPin() == null) {
            return new BoxConfig(config.url(), config.auth(), pin, next);
        }
        if (!Fingerprints.requirePin(config.tlsPin()).equals(pin)) {
            throw new IllegalArgumentException(pairId + "/" + box + ": the site file's tlsPin differs from the key"
                    + " confirmed with 'redpair trust' (" + Fingerprints.hex(pin) + "); remove one of them");
        }
        return new BoxConfig(config.url(), config.auth(), config.tlsPin(), next);
    }
}
