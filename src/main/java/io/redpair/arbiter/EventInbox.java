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
    /** A BOOT event arrived since the last HELLO: the window already belongs to the new boot. */
    private boolean bootEventSinceHello;
    private boolean replaying;

    /** True the first time this evseq is seen in the current boot. */
    synchronized boolean firstTime(ArbiterEvent event) {
        if (event instanceof ArbiterEvent.Boot && !replaying) {
            seen.clear(); // a BOOT sent on its own means a new boot; one inside a LOG replay is history
            bootEventSinceHello = true;
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

    /** The LOG reply arrived (or never will): BOOT events are news again. */
    synchronized void replayDone() {
        replaying = false;
    }

    /**
     * Called after each successful HELLO; returns the evseq to replay the LOG from, or -1 when there is
     * nothing to catch up on (the first connection of this link).
     */
    synchronized int resumeFrom(DeviceInfo device) {
        boolean firstContact = bootCount < 0;
        boolean rebooted = !firstContact && device.bootCount() != bootCount;
        boolean windowIsCurrent = bootEventSinceHello;
        bootCount = device.bootCount();
        bootEventSinceHello = false;
        if (firstContact) {
            return -1;
        }
        replaying = true;
        if (rebooted) {
            if (!windowIsCurrent) {
                seen.clear();
                lastSeen = -1;
            }
            return 0;
        }
        return Math.max(lastSeen, 0);
    }
}
