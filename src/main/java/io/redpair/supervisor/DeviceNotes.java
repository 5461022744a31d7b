package io.redpair.supervisor;

import io.redpair.arbiter.ArbiterEvent;

/**
 * The arbiter events an operator must find in the journal afterwards, in words. Only facts about the device
 * (reboot, host watchdog, relay fault, key switch); selection, fences and power are read from STATUS and shown
 * through the pair's state, so they are not repeated here.
 */
final class DeviceNotes {

    private DeviceNotes() {
    }

    /** The sentence for {@code event}, or null when it is not one of the device facts journalled. */
    static String describe(ArbiterEvent event) {
        if (event instanceof ArbiterEvent.Boot b) {
            return "arbiter rebooted (rst=" + b.resetCause() + ", fw=" + b.firmware() + ", sel=" + b.selected()
                    + ", epoch=" + b.epoch() + "): outputs held by its latching relays, session lost, DISARMED;"
                    + " re-arming and reading its outputs back";
        } else if (event instanceof ArbiterEvent.HostLost h) {
            return "arbiter reports HOSTLOST (sel=" + h.selected() + "): its host watchdog expired while this console"
                    + " was silent; outputs held as they were; re-arming";
        } else if (event instanceof ArbiterEvent.Fault f) {
            return "arbiter reports FAULT " + f.code() + (f.code().equals("RFB")
                    ? ": relay feedback broken, no output switch or fence is possible" : "");
        } else if (event instanceof ArbiterEvent.ModeChanged m) {
            return m.local() ? "arbiter key switch in LOCAL: no remote switching or fencing"
                    : "arbiter key switch back in REMOTE";
        }
        return null;
    }
}
