package io.redpair.ui.actions;

import io.redpair.supervisor.SupervisorEvent;
import io.redpair.ui.pair.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows one planned switchover through the pair's events: the steps as they happen, whether it finished,
 * and the measured gap — the time between the old active's stop being confirmed and the new active's start
 * being confirmed, i.e. how long no box ran flows (an upper bound). Pure; fed on the JavaFX thread.
 */
public final class SwitchoverProgress {

    private final String pairId;
    private final ZoneId zone;
    private final List<TimelineEntry> steps = new ArrayList<>();
    private Instant stopConfirmed;
    private Duration gap;
    private String outcome;

    public SwitchoverProgress(String pairId, ZoneId zone) {
        this.pairId = pairId;
        this.zone = zone;
    }

    /** Feeds one event; events of other pairs are ignored. */
    public void accept(SupervisorEvent e) {
        if (!pairId.equals(e.pairId()) || outcome != null) {
            return;
        }
        if (e instanceof SupervisorEvent.CommandFinished c) {
            if (c.command().equals("stop-flows") && c.ok()) {
                stopConfirmed = c.at();
            } else if (c.command().equals("start-flows") && c.ok() && stopConfirmed != null) {
                gap = Duration.between(stopConfirmed, c.at());
            }
        }
        if (e instanceof SupervisorEvent.Noted n) {
            if (n.noteType().endsWith("-completed")) {
                outcome = n.text();
            } else if (n.noteType().endsWith("-aborted")) {
                outcome = "aborted: " + n.text();
            }
        } else if (e instanceof SupervisorEvent.OperatorRequested o && !o.accepted()) {
            outcome = "refused: " + o.detail();
        }
        steps.add(TimelineEntry.of(e, zone));
    }

    public List<TimelineEntry> steps() {
        return List.copyOf(steps);
    }

    public boolean finished() {
        return outcome != null;
    }

    public Optional<String> outcome() {
        return Optional.ofNullable(outcome);
    }

    public Optional<Duration> gap() {
        return Optional.ofNullable(gap);
    }
}
