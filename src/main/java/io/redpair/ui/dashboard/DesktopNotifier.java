package io.redpair.ui.dashboard;

import io.redpair.supervisor.PairSnapshot;
import io.redpair.ui.PairBadge;
import io.redpair.ui.pair.Banner;
import java.util.function.BiConsumer;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * A desktop notification per pair state change (ControlsFX). Alarms stay until clicked away; everything
 * else fades after a few seconds. It never blocks and never asks anything: it only tells.
 */
public final class DesktopNotifier implements BiConsumer<PairSnapshot, Banner> {

    @Override
    public void accept(PairSnapshot p, Banner b) {
        Notifications n = Notifications.create()
                .title((p.name() == null || p.name().isBlank() ? p.pairId() : p.name()) + ": " + b.headline())
                .text(b.detail())
                .hideAfter(b.level() == PairBadge.Level.ALARM ? Duration.INDEFINITE : Duration.seconds(8));
        if (b.level() == PairBadge.Level.ALARM) {
            n.showError();
        } else if (b.level() == PairBadge.Level.WARNING) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }
}
