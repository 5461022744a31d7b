package io.redpair.ui.dashboard;

import io.redpair.arbiter.SerialPortScanner;
import io.redpair.failover.Mode;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.editor.PairEditorWindow;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import io.redpair.pair.Pair;
import io.redpair.store.Actor;
import io.redpair.store.approvers.DeliberateGate;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.ui.CoalescingUpdater;
import io.redpair.ui.MainWindow;
import io.redpair.ui.PairRow;
import io.redpair.ui.actions.ActionsBar;
import io.redpair.ui.actions.ConsoleRequests;
import io.redpair.ui.pair.Banner;
import io.redpair.ui.pair.PairHistory;
import io.redpair.ui.pair.PairView;
import io.redpair.ui.site.SiteConnection;
import io.redpair.store.SecretResolver;
import io.redpair.ui.push.PushButtons;
import io.redpair.ui.push.PushPort;
import io.redpair.ui.push.SitePushPort;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a {@link SiteConnection} to the main window. Snapshots arrive on the supervisor thread, are
 * handed to a latest-wins {@link CoalescingUpdater} (the supervisor never waits; the JavaFX queue never
 * holds more than one pending update) and applied on the JavaFX thread: sidebar badges, the selected
 * pair's page, and one desktop notification per mode change.
 */
public final class Dashboard implements AutoCloseable {

    /** How much history the chart and sparklines keep. */
    static final long WINDOW_MS = 3 * 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private final MainWindow window;
    private final SiteConnection connection;
    private final ZoneId zone;
    private final BiConsumer<PairSnapshot, Banner> notifier;
    private final CoalescingUpdater<SiteSnapshot> updates;
    private final Map<String, PairHistory> histories = new HashMap<>();
    private final Map<String, PairView> pages = new HashMap<>();
    private final Map<String, Mode> lastModes = new HashMap<>();
    private List<PairRow> lastRows = List.of();
    private SiteSnapshot latest;
    private AutoCloseable subscription;
    private AutoCloseable eventSubscription;
    private final Executor fx;
    private final PushPort pushPort;
    private final Map<String, java.util.Deque<SupervisorEvent>> events = new HashMap<>();

    /** Bound of the events kept per pair beyond the snapshot's own timeline. */
    static final int EVENTS_KEPT = 500;

    /**
     * @param fx       the JavaFX thread as an executor ({@code FxExecutor.INSTANCE}; tests may pass their own)
     * @param notifier called on a pair's mode change (desktop notification); not on the first snapshot
     */
    public Dashboard(MainWindow window, SiteConnection connection, Executor fx, ZoneId zone,
                     BiConsumer<PairSnapshot, Banner> notifier) {
        this.window = window;
        this.connection = connection;
        this.zone = zone;
        this.notifier = notifier;
        this.updates = new CoalescingUpdater<>(fx, this::apply);
        this.fx = fx;
        this.pushPort = new SitePushPort(connection, new SecretResolver());
        window.selectedPair().addListener((o, old, row) -> showSelected());
    }

    /** Starts receiving snapshots; the supervisor thread only drops them into the coalescer. */
    public Dashboard start() {
        window.show(connection.site());
        window.statusBar().setSupervisor(connection.describe());
        if (connection.readOnly()) {
            window.statusBar().showReadOnly();
        }
        subscription = connection.subscribeSnapshots(Runnable::run, updates::submit);
        eventSubscription = connection.subscribeEvents(fx, this::record);
        return this;
    }

    /** Applies one snapshot (JavaFX thread). Public for the responsiveness benchmark and tests. */
    public void apply(SiteSnapshot s) {
        latest = s;
        for (PairSnapshot p : s.pairs()) {
            histories.computeIfAbsent(p.pairId(), id -> new PairHistory(WINDOW_MS, 2_000)).add(s.at(), p);
            Mode before = lastModes.put(p.pairId(), p.mode());
            if (before != null && before != p.mode()) {
                Banner b = Banner.of(p, zone);
                LOG.info("pair {} shown as {}", p.pairId(), b.headline());
                notifier.accept(p, b);
            }
        }
        List<PairRow> rows = connection.site().pairs().stream()
                .map(pair -> row(pair, s.pair(pair.id()).orElse(null))).toList();
        if (!rows.equals(lastRows)) {
            lastRows = rows;
            window.publish(rows);
        }
        showSelected();
    }

    private static PairRow row(Pair pair, PairSnapshot p) {
        return p == null ? new PairRow(pair, null) : new PairRow(pair, p.mode(), p.drift().differs());
    }

    /**
     * Keeps the events the snapshot's timeline does not carry (notes, commands, alarms, operator requests).
     * Events are few and each one matters, so they are not coalesced. JavaFX thread.
     */
    public void record(SupervisorEvent e) {
        if (e.pairId() == null) {
            return;
        }
        java.util.Deque<SupervisorEvent> log = events.computeIfAbsent(e.pairId(), id -> new java.util.ArrayDeque<>());
        log.addLast(e);
        if (log.size() > EVENTS_KEPT) {
            log.removeFirst();
        }
    }

    /** The snapshot's timeline and the recorded events, without duplicates, oldest first. */
    private PairSnapshot withEvents(PairSnapshot p) {
        java.util.Deque<SupervisorEvent> log = events.get(p.pairId());
        if (log == null || log.isEmpty()) {
            return p;
        }
        java.util.Set<SupervisorEvent> all = new java.util.LinkedHashSet<>(p.timeline());
        all.addAll(log);
        List<SupervisorEvent> merged = all.stream()
                .sorted(java.util.Comparator.comparing(SupervisorEvent::at)).toList();
        return p.withTimeline(merged);
    }

    private void showSelected() {
        PairRow row = window.selectedPair().get();
        if (row == null || latest == null) {
            return;
        }
        Pair config = row.pair();
        latest.pair(config.id()).ifPresent(p -> {
            PairView page = pages.computeIfAbsent(config.id(), id -> new PairView(actionsFor(config), zone, WINDOW_MS));
            page.show(config, withEvents(p), latest.at(), histories.get(config.id()), p.arbiter() != null
                    ? p.arbiter() : connection.arbiterStatus(config.id()).orElse(null)); // same moment as the cards
            window.showPage(page.root());
        });
    }

    private ActionsBar actionsFor(Pair config) {
        DeliberateGate gate = connection.readOnly() || connection.location() == null ? null
                : DeliberateGate.forSite(connection.location(), connection.site().approvals());
        ActionsBar bar = new ActionsBar(connection, new ConsoleRequests(Actor.current()), window.statusBar()::info, gate);
        bar.addFlowButtons(new PushButtons(pushPort, config.name(), connection.readOnly(), bar::approveSwitchover, fx,
                window.statusBar()::info, bar::window));
        if (connection.siteFile() != null && gate != null) {
            Button edit = new Button("Edit pair", new FontIcon(Material2AL.EDIT));
            edit.setId("action-edit");
            edit.setOnAction(e -> CompletableFuture.supplyAsync(() -> SerialPortScanner.system().ports()) // off FX
                    .thenAcceptAsync(ports -> PairEditorWindow.open(connection.siteFile(), connection.site(), config,
                            ports, window.statusBar()::info, gate), FxExecutor.INSTANCE));
            bar.addTrailing(edit);
        }
        return bar;
    }

    /** Values coalesced away so far (benchmark figure). */
    public long skippedUpdates() {
        return updates.submittedCount() - updates.deliveredCount();
    }

    @Override
    public void close() {
        try {
            Objects.requireNonNullElse(subscription, () -> { }).close();
            Objects.requireNonNullElse(eventSubscription, () -> { }).close();
        } catch (Exception e) {
            LOG.warn("unsubscribing: {}", e.toString());
        }
    }
}
