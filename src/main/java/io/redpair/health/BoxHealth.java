package io.redpair.health;

import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import java.util.Objects;

/** Combines one box's admin API and canary observations into a {@link BoxCondition}. */
public final class BoxHealth {

    private final BoxId box;
    private final boolean canaryConfigured;

    public BoxHealth(BoxId box, long intervalMs, int missedBeats, boolean canaryConfigured) {
        this.box = Objects.requireNonNull(box, "box");
        this.canaryConfigured = canaryConfigured;
    }

    public static BoxHealth forPair(Pair pair, BoxId box) {
        return new BoxHealth(box, pair.policy().intervalMs(), pair.policy().missedBeats(), pair.hasCanary());
    }

    public void onApi(ApiObservation observation, long nowNanos) {
    }

    public void onCanary(CanaryObservation observation, long nowNanos) {
    }

    public BoxHealthSnapshot assess(long nowNanos) {
        return new BoxHealthSnapshot(box, BoxCondition.UNKNOWN, "never heard", 0, 0, canaryConfigured, null, null,
                -1, nowNanos);
    }
}
