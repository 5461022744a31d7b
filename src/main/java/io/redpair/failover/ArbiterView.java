package io.redpair.failover;

import io.redpair.pair.BoxId;

/**
 * What the serial arbiter last reported: the second, independent channel to each box (power sense and
 * the box's heartbeat line) and the state of the fence and output relays. The decision core combines it
 * with the LAN verdict of the health model: a box is concluded dead only when both channels agree.
 *
 * @param linkUp          the serial link to the arbiter answers; when false every other field is stale
 * @param powerA          power sense of box A (true = powered)
 * @param powerB          power sense of box B
 * @param heartbeatAgeMsA age of the last edge on A's heartbeat line, milliseconds
 * @param heartbeatAgeMsB age of the last edge on B's heartbeat line, milliseconds
 * @param selected        the box whose outputs the relay connects to the field (null: none/unknown)
 * @param fencedA         A's power relay is held open by a fence
 * @param fencedB         B's power relay is held open by a fence
 * @param epoch           the highest epoch the arbiter has accepted (the fencing token it enforces)
 */
public record ArbiterView(boolean linkUp, boolean powerA, boolean powerB, long heartbeatAgeMsA,
                          long heartbeatAgeMsB, BoxId selected, boolean fencedA, boolean fencedB, long epoch) {

    /** Before the arbiter was ever heard: link down, nothing known. */
    public static final ArbiterView UNHEARD = new ArbiterView(false, true, true, Long.MAX_VALUE, Long.MAX_VALUE,
            null, false, false, 0);

    public boolean powered(BoxId box) {
        return box == BoxId.A ? powerA : powerB;
    }

    public boolean fenced(BoxId box) {
        return box == BoxId.A ? fencedA : fencedB;
    }

    /** The box's heartbeat line moved within the deadline: its OS (and usually its runtime) is alive. */
    public boolean heartbeatAlive(BoxId box, long deadlineMs) {
        return linkUp && (box == BoxId.A ? heartbeatAgeMsA : heartbeatAgeMsB) < deadlineMs;
    }

    /** Power sense 0 and a silent heartbeat line: the arbiter's channel says the box is off. */
    public boolean confirmsOff(BoxId box, long deadlineMs) {
        return linkUp && !powered(box) && !heartbeatAlive(box, deadlineMs);
    }
}
