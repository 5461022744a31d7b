package io.redpair.ui.dashboard;

import io.redpair.supervisor.PairSnapshot;
import io.redpair.ui.PairBadge;
import io.redpair.ui.pair.Banner;
import java.util.function.BiConsumer;
import javafx.util.Duration;

/**
 * A notification per pair state change (a pair's newer one replaces its older one), drawn in the console window ({@link ToastLayer}; ADR 0105). Alarms stay
 * until closed; everything else fades after a few seconds. It never blocks and never asks anything: it only tells.
 */
public final class DesktopNotifier implements BiConsumer<PairSnapshot, Banner> {

    private final ToastLayer toasts;

    public DesktopNotifier(ToastLayer toasts) {
        this.toasts = toasts;
    }

    @Override
    public void accept(PairSnapshot p, Banner b) {
        String pair = p.name() == null || p.name().isBlank() ? p.pairId() : p.name();
        toasts.show(p.pairId(), b.level(), pair + ": " + b.headline(), b.detail(),
                b.level() == PairBadge.Level.ALARM ? null : Duration.seconds(8));
    }
}
