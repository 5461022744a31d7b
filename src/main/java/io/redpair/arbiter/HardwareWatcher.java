package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns input changes into events: power sense (PWR, critical when it drops), heartbeat loss and return
 * (BEAT, critical when LOST), the end of a power cycle (UNFENCED). Changes the device caused itself
 * (FENCE, UNFENCE) are reported by their own events, so the watcher is told about them through
 * {@link #outputsMoved()} and does not report them again as PWR.
 */
final class HardwareWatcher {

    /** A box whose heartbeat edges stop for this long is reported LOST. */
    static final long BEAT_LOSS_MS = 2000;

    private final ArbiterDevice device;
    private final Map<BoxId, Boolean> reportedPower = new EnumMap<>(BoxId.class);
    private final Map<BoxId, Boolean> beatLost = new EnumMap<>(BoxId.class);

    HardwareWatcher(ArbiterDevice device) {
        this.device = device;
    }

    void resetAfterBoot() {
        beatLost.clear();
        device.hardware.forgetHeartbeats();
        outputsMoved();
    }

    /** The device moved an output itself; its effect on power sense is already reported. */
    void outputsMoved() {
        for (BoxId b : BoxId.values()) {
            reportedPower.put(b, device.hardware.powerSense(b));
        }
    }

    void tick(long now) {
        SimulatedHardware hw = device.hardware;
        BoxId cycled = hw.finishCycle(now);
        if (cycled != null) {
            outputsMoved();
            device.emit(n -> new ArbiterEvent.Unfenced(n, cycled, device.epoch));
        }
        hw.sampleHeartbeats(now);
        for (BoxId box : BoxId.values()) {
            boolean p = hw.powerSense(box);
            if (reportedPower.get(box) != p) {
                reportedPower.put(box, p);
                device.emit(n -> new ArbiterEvent.PowerChanged(n, box, p));
            }
            long age = hw.heartbeatAgeMs(box, now);
            boolean lost = age > BEAT_LOSS_MS;
            if (age >= 0 && lost != beatLost.getOrDefault(box, false)) {
                beatLost.put(box, lost);
                device.emit(n -> new ArbiterEvent.Beat(n, box, lost));
            }
        }
    }

    List<Field> statusFields(ArbiterStatus.ArmState state, long watchdogLeftMs) {
        SimulatedHardware hw = device.hardware;
        long now = device.clock.nanos();
        return List.of(Field.of("st", state), Field.of("sel", hw.selected()), Field.of("rfb", hw.feedback()),
                Field.of("fA", bit(hw.fenced(BoxId.A))), Field.of("fB", bit(hw.fenced(BoxId.B))),
                Field.of("pA", bit(hw.powerSense(BoxId.A))), Field.of("pB", bit(hw.powerSense(BoxId.B))),
                Field.of("hA", hw.heartbeatAgeMs(BoxId.A, now)), Field.of("hB", hw.heartbeatAgeMs(BoxId.B, now)),
                Field.of("left", watchdogLeftMs), Field.of("epoch", device.epoch),
                Field.of("mode", device.local ? "LOCAL" : "REMOTE"), Field.of("err", device.rejectedFrames()));
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }
}
