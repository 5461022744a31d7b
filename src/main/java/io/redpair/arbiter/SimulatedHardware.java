package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The arbiter's I/O as a model: a latching selector relay with feedback contact, a power relay and a
 * power-sense input per box, a heartbeat input per box. {@link #actuations()} counts every output
 * movement; tests assert it stays put when nothing valid was commanded.
 * Power sense is {@code supply && !fenced}: a fence cuts the box's power, as the real relay does.
 */
public final class SimulatedHardware {

    private Selection selected = Selection.NONE;
    private boolean relayFault;
    private long actuations;
    private final Map<BoxId, Boolean> fenced = new EnumMap<>(BoxId.class);
    private final Map<BoxId, Boolean> supply = new EnumMap<>(BoxId.class);
    private final Map<BoxId, Long> cycleEndsAt = new EnumMap<>(BoxId.class);
    private final Map<BoxId, Long> lastBeatNanos = new EnumMap<>(BoxId.class);
    private final Map<BoxId, BooleanSupplier> beatSources = new EnumMap<>(BoxId.class);

    SimulatedHardware() {
        for (BoxId b : BoxId.values()) {
            fenced.put(b, false);
            supply.put(b, true);
        }
    }

    // ---- outputs (moved only by the device rules) ----

    void restore(DeviceStateFile.Saved saved) {
        selected = saved.selected();
        fenced.put(BoxId.A, saved.fencedA());
        fenced.put(BoxId.B, saved.fencedB());
    }

    void select(Selection target) {
        if (target != selected) {
            selected = target;
            actuations++;
        }
    }

    void fence(BoxId box, FenceMode mode, int holdMs, long now) {
        if (!fenced.get(box)) {
            actuations++;
        }
        fenced.put(box, true);
        if (mode == FenceMode.CYCLE) {
            cycleEndsAt.put(box, now + holdMs * 1_000_000L);
        } else {
            cycleEndsAt.remove(box);
        }
    }

    void unfence(BoxId box) {
        if (fenced.get(box)) {
            actuations++;
        }
        fenced.put(box, false);
        cycleEndsAt.remove(box);
    }

    /** Ends power cycles whose hold has passed; returns the box whose power came back, or null. */
    BoxId finishCycle(long now) {
        for (Map.Entry<BoxId, Long> e : cycleEndsAt.entrySet()) {
            if (now - e.getValue() >= 0) {
                BoxId box = e.getKey();
                unfence(box);
                return box;
            }
        }
        return null;
    }

    // ---- inputs and readings ----

    public Selection selected() {
        return selected;
    }

    public ArbiterStatus.RelayFeedback feedback() {
        return relayFault ? ArbiterStatus.RelayFeedback.FAULT : ArbiterStatus.RelayFeedback.valueOf(selected.name());
    }

    public boolean fenced(BoxId box) {
        return fenced.get(box);
    }

    public boolean powerSense(BoxId box) {
        return supply.get(box) && !fenced.get(box);
    }

    public long actuations() {
        return actuations;
    }

    void setRelayFault(boolean fault) {
        relayFault = fault;
    }

    public void setSupply(BoxId box, boolean on) {
        supply.put(box, on);
    }

    void heartbeatEdge(BoxId box, long now) {
        lastBeatNanos.put(box, now);
    }

    public void heartbeatSource(BoxId box, BooleanSupplier alive) {
        beatSources.put(box, alive);
    }

    /** Samples heartbeat sources: a live, powered box produces an edge on every sample. */
    void sampleHeartbeats(long now) {
        for (Map.Entry<BoxId, BooleanSupplier> e : beatSources.entrySet()) {
            if (powerSense(e.getKey()) && e.getValue().getAsBoolean()) {
                lastBeatNanos.put(e.getKey(), now);
            }
        }
    }

    /** Milliseconds since the last heartbeat edge, capped at 999999; -1 when none since boot. */
    public long heartbeatAgeMs(BoxId box, long now) {
        Long last = lastBeatNanos.get(box);
        return last == null ? -1 : Math.min(999_999, (now - last) / 1_000_000L);
    }

    void forgetHeartbeats() {
        lastBeatNanos.clear();
    }
}
