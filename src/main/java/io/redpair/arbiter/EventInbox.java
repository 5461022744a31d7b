package io.redpair.arbiter;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Host-side event bookkeeping: delivers each (boot, evseq) once although the device re-sends critical
 * events until ACKed and LOG replays overlap, and remembers where to resume a LOG replay after a
 * reconnect. evseq restarts at 0000 after each device boot, so a BOOT event or a new boot count
 * in HELLO starts a fresh window.
 */
final class EventInbox {

    private static final int REMEMBERED = 256;

    private final Set<Integer> seen = new LinkedHashSet<>();
    private int lastSeen = -1;
    private long bootCount = -1;

    /** True the first time this evseq is seen in the current boot. */
    synchronized boolean firstTime(ArbiterEvent event) {
        if (event instanceof ArbiterEvent.Boot) {
            seen.clear();
        }
        if (!seen.add(event.evseq())) {
            return false;
        }
        if (seen.size() > REMEMBERED) {
            seen.remove(seen.iterator().next());
        }
        lastSeen = event.evseq();
        return true;
    }

    /**
     * Called after each successful HELLO; returns the evseq to replay the LOG from, or -1 when there is
     * nothing to catch up on (the first connection of this link).
     */
    synchronized int resumeFrom(DeviceInfo device) {
        boolean firstContact = bootCount < 0;
        boolean rebooted = !firstContact && device.bootCount() != bootCount;
        bootCount = device.bootCount();
        if (firstContact) {
            return -1;
        }
        if (rebooted) {
            seen.clear();
            lastSeen = -1;
            return 0;
        }
        return Math.max(lastSeen, 0);
    }
}
