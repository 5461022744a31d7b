package io.redpair.arbiter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which rediscovery asks ports for the device: the last port that worked, the configured
 * hint, ports whose USB serial number matches the device's, then every other port. Each is only asked;
 * the device is accepted by its HELLO serial number, never by where it was found.
 */
final class PortCandidates {

    private PortCandidates() {
    }

    static List<String> order(String lastGood, String hint, String serialNumber, List<PortScanner.PortInfo> ports) {
        Set<String> ordered = new LinkedHashSet<>();
        if (lastGood != null) {
            ordered.add(lastGood);
        }
        if (hint != null) {
            ordered.add(hint);
        }
        ports.stream().filter(p -> serialNumber != null && serialNumber.equals(p.usbSerial())).forEach(p -> ordered.add(p.path()));
        ports.forEach(p -> ordered.add(p.path()));
        return new ArrayList<>(ordered);
    }
}
