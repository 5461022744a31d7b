package io.redpair.ui.fake;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.pair.Site;
import io.redpair.supervisor.ArbiterSnapshot;
import java.util.Optional;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.ui.site.SiteConnection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A site connection the test drives: it publishes the snapshots and events the test gives it and records
 * the requests the console sends, answering them with {@code answers}. Used for UI tests, the preview and
 * the benchmark; the real engine is exercised by {@code LiveDashboardUiTest}.
 */
public final class FakeSiteConnection implements SiteConnection {

    private record Sub<T>(Executor executor, Consumer<? super T> consumer) {
        void deliver(T value) {
            executor.execute(() -> consumer.accept(value));
        }
    }

    private final Site site;
    private final List<Sub<SiteSnapshot>> snapshots = new CopyOnWriteArrayList<>();
    private final List<Sub<SupervisorEvent>> events = new CopyOnWriteArrayList<>();
    private final List<ControlRequest> sent = new CopyOnWriteArrayList<>();
    private volatile ArbiterSnapshot arbiter;
    private volatile Function<ControlRequest, ControlResponse> answers = r -> ControlResponse.ok("accepted: " + r.op());

    private volatile java.nio.file.Path location;

    public FakeSiteConnection(Site site) {
        this.site = site;
    }

    /** Where approvals and the audit trail live (a site file path in a temporary folder); null: no actions. */
    public FakeSiteConnection at(java.nio.file.Path siteFile) {
        this.location = siteFile;
        return this;
    }

    @Override
    public java.nio.file.Path location() {
        return location;
    }

    public void publish(SiteSnapshot s) {
        snapshots.forEach(sub -> sub.deliver(s));
    }

    public void publish(SupervisorEvent e) {
        events.forEach(sub -> sub.deliver(e));
    }

    /**
     * The arbiter status this fake reports, link up, for every pair that has an arbiter configured (null: none)
     * and whose snapshot carries no arbiter view of its own.
     */
    public void reportArbiter(ArbiterStatus status) {
        this.arbiter = status == null ? null : new ArbiterSnapshot(true, "up on /dev/ttyUSB0 (serial WDA-00417)",
                status, 400);
    }

    @Override
    public Optional<ArbiterSnapshot> arbiterStatus(String pairId) {
        return site.pair(pairId).filter(p -> p.arbiter() != null).map(p -> arbiter);
    }

    public List<ControlRequest> sent() {
        return List.copyOf(sent);
    }

    public void answerWith(Function<ControlRequest, ControlResponse> answers) {
        this.answers = answers;
    }

    @Override
    public Site site() {
        return site;
    }

    @Override
    public String describe() {
        return "Supervisor: this console";
    }

    @Override
    public AutoCloseable subscribeSnapshots(Executor executor, Consumer<? super SiteSnapshot> consumer) {
        Sub<SiteSnapshot> sub = new Sub<>(executor, consumer);
        snapshots.add(sub);
        return () -> snapshots.remove(sub);
    }

    @Override
    public AutoCloseable subscribeEvents(Executor executor, Consumer<? super SupervisorEvent> consumer) {
        Sub<SupervisorEvent> sub = new Sub<>(executor, consumer);
        events.add(sub);
        return () -> events.remove(sub);
    }

    @Override
    public CompletableFuture<ControlResponse> send(ControlRequest request) {
        sent.add(request);
        return CompletableFuture.completedFuture(answers.apply(request));
    }

    @Override
    public void close() {
        snapshots.clear();
        events.clear();
    }
}
