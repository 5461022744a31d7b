package io.redpair.supervisor;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterLinkOptions;
import io.redpair.arbiter.PortScanner;
import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.CommandResult;
import io.redpair.arbiter.LinkEvent;
import io.redpair.arbiter.LinkState;
import io.redpair.arbiter.Selection;
import io.redpair.failover.ArbiterView;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@link ArbiterPort} over the WDA/1 {@link ArbiterLink}. A command's DONE is never believed alone: STATUS
 * is read back and must show the effect (fenced and power sense 0; relay feedback equal to the selection),
 * because an EXEC whose answer was lost or a relay that did not move look the same from the reply. The link
 * re-HELLOs and re-ARMs by itself after a reconnect (found again by serial number); this port publishes the
 * link going down at once and a fresh STATUS after it is up again, so outputs are never assumed to have moved.
 */
public final class LinkArbiterPort implements ArbiterPort {

    private static final long READ_BACK_MS = 3000;

    private final ArbiterLink link;
    private final List<Consumer<ArbiterView>> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by itself: notes raised before the first listener registered are kept for it (see onDeviceNote). */
    private final List<Consumer<String>> noteListeners = new ArrayList<>();
    private final List<String> earlyNotes = new ArrayList<>();
    /** The arm state of the last STATUS (null before the first): a change to ARMED after anything else is a re-arm. */
    private volatile ArbiterStatus.ArmState armState;
    private final List<Consumer<ArbiterSnapshot>> reports = new CopyOnWriteArrayList<>();
    private volatile String linkWords = "connecting";

    /**
     * The supervising port of a pair: null when the pair has no arbiter or is {@code fencing: api-only}
     * (then nothing is fenced and status says UNFENCED). The link arms the device and keeps looking for it by
     * serial number, starting with the configured port.
     */
    public static ArbiterPort forPair(Pair pair, PortScanner ports) {
        ArbiterConfig config = pair.arbiter();
        if (config == null || pair.policy().fencing() != Policy.Fencing.ARBITER) {
            return null;
        }
        ArbiterLinkOptions options = ArbiterLinkOptions.supervisor(config.port(), config.serialNumber(), hostName(),
                pair.policy().intervalMs());
        return new LinkArbiterPort(ArbiterLink.open(options, ports));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "redpair";
        }
    }

    public LinkArbiterPort(ArbiterLink link) {
        this.link = link;
        link.addListener(this::onLinkEvent, Runnable::run);
    }

    @Override
    public CompletableFuture<Outcome> fence(BoxId box, long epoch) {
        return link.fence(box, epoch).thenCompose(r -> verify(r, "FENCE " + box,
                s -> s.fenced(box) && !s.powered(box),
                s -> "fenced=" + s.fenced(box) + " power sense=" + (s.powered(box) ? 1 : 0)));
    }

    @Override
    public CompletableFuture<Outcome> select(BoxId box, long epoch) {
        Selection want = Selection.of(box);
        return link.select(box, epoch).thenCompose(r -> verify(r, "SELECT " + box,
                s -> s.selected() == want && s.feedback().name().equals(want.name()),
                s -> "selected=" + s.selected() + " relay feedback=" + s.feedback()));
    }

    private CompletableFuture<Outcome> verify(CommandResult result, String what, Predicate<ArbiterStatus> effect,
                                              Function<ArbiterStatus, String> shown) {
        if (result instanceof CommandResult.StaleEpoch stale) {
            return CompletableFuture.completedFuture(new Outcome.StaleEpoch(stale.current()));
        }
        boolean unknown = result instanceof CommandResult.LinkDown down && down.outcomeUnknown();
        if (!result.isDone() && !unknown) {
            return CompletableFuture.completedFuture(new Outcome.NotConfirmed(what + " refused: " + result.describe()));
        }
        return link.status().orTimeout(READ_BACK_MS, TimeUnit.MILLISECONDS).handle((s, error) -> {
            if (error != null) {
                return new Outcome.NotConfirmed(what + ": STATUS read-back failed (" + error.getMessage() + ")");
            }
            publish(s);
            String text = what + " read back: " + shown.apply(s);
            return effect.test(s) ? new Outcome.Confirmed(text) : new Outcome.NotConfirmed(text + " (not confirmed)");
        });
    }

    private void onLinkEvent(LinkEvent event) {
        if (event instanceof LinkEvent.LinkDown down) {
            linkWords = "down: " + down.reason();
            publish(ArbiterView.UNHEARD);
            report(null);
        } else if (event instanceof LinkEvent.StatusChanged changed) {
            noteReArmed(changed.status().state());
        } else if (event instanceof LinkEvent.StatusPolled polled) {
            publish(view(polled.status())); // every poll: heartbeat ages grow between changes (see view())
            report(polled.status());
        } else if (event instanceof LinkEvent.LinkUp up) {
            linkWords = "up on " + up.port() + " (serial " + up.device().serialNumber() + ")";
            report(null);
            refresh();
        } else if (event instanceof LinkEvent.DeviceEvent d) {
            String text = DeviceNotes.describe(d.event());
            if (text != null) {
                note(text);
            }
        }
    }

    /**
     * The link connects (and the device re-sends HOSTLOST) before the runtime has registered: such notes are
     * kept and handed to the first listener, so a HOSTLOST found at start-up is never lost from the journal.
     */
    private void note(String text) {
        synchronized (noteListeners) {
            if (noteListeners.isEmpty()) {
                earlyNotes.add(text);
            }
            noteListeners.forEach(l -> l.accept(text));
        }
    }

    private void noteReArmed(ArbiterStatus.ArmState now) {
        ArbiterStatus.ArmState before = armState;
        armState = now;
        if (now == ArbiterStatus.ArmState.ARMED && before != null && before != now) {
            note("arbiter re-armed by this console (it was " + before + "); its outputs are read back, not assumed");
        }
    }

    @Override
    public void onDeviceNote(Consumer<String> listener) {
        synchronized (noteListeners) {
            noteListeners.add(listener);
            earlyNotes.forEach(listener);
            earlyNotes.clear();
        }
    }

    /** A STATUS read back or fetched: the decider's view and the display report. */
    private void publish(ArbiterStatus s) {
        publish(view(s));
        report(s);
    }

    private void report(ArbiterStatus s) {
        boolean up = link.state() == LinkState.UP;
        String words = up && !linkWords.startsWith("up") // up before this port listened: no LinkUp seen
                ? "up (serial " + link.device().map(d -> d.serialNumber()).orElse("unknown") + ")" : linkWords;
        ArbiterSnapshot r = new ArbiterSnapshot(up, words, s, s == null ? -1 : 0);
        reports.forEach(l -> l.accept(r));
    }

    @Override
    public void onReport(Consumer<ArbiterSnapshot> listener) {
        reports.add(listener);
        report(null);
        refresh();
    }

    /**
     * STATUS as the decider's view; a heartbeat age of -1 (none since the device booted) is never "alive". The
     * ages are as old as the STATUS, so every poll is published (not only changed outputs): a view kept from the
     * moment the power dropped would show the heartbeat alive until the next change, and the decider, which
     * compares the age with the deadline, would never see "power off and heartbeat silent" in time.
     */
    static ArbiterView view(ArbiterStatus s) {
        return new ArbiterView(true, s.poweredA(), s.poweredB(), age(s.heartbeatAgeA()), age(s.heartbeatAgeB()),
                s.selected().box(), s.fencedA(), s.fencedB(), s.epoch());
    }

    private static long age(long ms) {
        return ms < 0 ? Long.MAX_VALUE : ms;
    }

    private void publish(ArbiterView view) {
        listeners.forEach(l -> l.accept(view));
    }

    @Override
    public void onView(Consumer<ArbiterView> listener) {
        listeners.add(listener);
        refresh();
    }

    /** Publishes a fresh STATUS now (the LinkUp may have happened before anyone listened). */
    private void refresh() {
        link.status().whenComplete((s, error) -> {
            if (error == null) {
                publish(s);
            }
        });
    }

    @Override
    public void close() {
        link.close();
    }
}
