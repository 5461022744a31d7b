package io.redpair.arbiter;

import io.redpair.pair.BoxId;

/**
 * One STATUS reply, typed. Heartbeat ages are milliseconds since the box's last heartbeat edge
 * (-1 = none since the device booted, which means UNKNOWN, never "dead"); {@code watchdogLeftMs} is -1
 * when the device is not armed.
 */
public record ArbiterStatus(ArmState state, Selection selected, RelayFeedback feedback, boolean fencedA,
        boolean fencedB, boolean poweredA, boolean poweredB, long heartbeatAgeA, long heartbeatAgeB,
        long watchdogLeftMs, long epoch, boolean localMode, long rejectedFrames) {

    /** The device's host-watchdog state. */
    public enum ArmState { DISARMED, ARMED, HOSTLOST }

    /** What the selector relay's feedback contact reports; FAULT blocks every dangerous verb. */
    public enum RelayFeedback { A, B, NONE, FAULT }

    public boolean fenced(BoxId box) {
        return box == BoxId.A ? fencedA : fencedB;
    }

    public boolean powered(BoxId box) {
        return box == BoxId.A ? poweredA : poweredB;
    }

    public long heartbeatAgeMs(BoxId box) {
        return box == BoxId.A ? heartbeatAgeA : heartbeatAgeB;
    }

    /** Reads a STATUS reply; throws IllegalArgumentException naming the field that is missing or malformed. */
    public static ArbiterStatus parse(Frame.Ok ok) {
        Reader r = new Reader(ok);
        return new ArbiterStatus(r.oneOf("st", ArmState.class), r.oneOf("sel", Selection.class),
                r.oneOf("rfb", RelayFeedback.class), r.flag("fA"), r.flag("fB"), r.flag("pA"), r.flag("pB"),
                r.number("hA"), r.number("hB"), r.number("left"), r.number("epoch"),
                "LOCAL".equals(r.text("mode")), r.number("err"));
    }

    /** Field access with errors that name the frame and the field. */
    static final class Reader {
        private final Frame.Ok ok;

        Reader(Frame.Ok ok) {
            this.ok = ok;
        }

        String text(String key) {
            String v = ok.get(key);
            if (v == null) {
                throw new IllegalArgumentException("reply " + ok.verb() + " lacks field '" + key + "'");
            }
            return v;
        }

        long number(String key) {
            String v = text(key);
            if (!v.matches("-?[0-9]{1,18}")) {
                throw new IllegalArgumentException("reply " + ok.verb() + " field '" + key + "' is not a number: " + v);
            }
            return Long.parseLong(v);
        }

        boolean flag(String key) {
            return number(key) != 0;
        }

        <E extends Enum<E>> E oneOf(String key, Class<E> type) {
            String v = text(key);
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reply " + ok.verb() + " field '" + key + "' has unknown value " + v, e);
            }
        }
    }
}
