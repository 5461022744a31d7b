package io.redpair.arbiter;

import java.io.IOException;
import java.util.List;

/**
 * Lists candidate ports and opens them. The link uses it to rediscover the device by serial number
 * after a disconnect: port names are only hints (a re-plugged adapter often comes back under another name).
 */
public interface PortScanner {

    /** A port as the OS lists it; {@code usbSerial} is the adapter's USB serial number when known (may be empty). */
    record PortInfo(String path, String description, String usbSerial) {
    }

    List<PortInfo> ports();

    /** Opens a port; throws IOException when it does not exist or cannot be opened. */
    Transport open(String path) throws IOException;
}
