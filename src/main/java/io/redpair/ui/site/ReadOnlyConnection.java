package io.redpair.ui.site;

import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.pair.Site;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A console that only watches (a control-room screen): shows what {@code inner} reports and refuses every
 * request itself, without passing it on, so not even a bug in a view can change the plant through it. It
 * hides the site file (no editor) and says READ-ONLY in {@link #describe()}.
 */
public final class ReadOnlyConnection implements SiteConnection {

    private final SiteConnection inner;
    private final String describe;

    public ReadOnlyConnection(SiteConnection inner, String describe) {
        this.inner = inner;
        this.describe = describe;
    }

    @Override
    public Site site() {
        return inner.site();
    }

    @Override
    public String describe() {
        return describe + " · READ-ONLY";
    }

    @Override
    public AutoCloseable subscribeSnapshots(Executor executor, Consumer<? super SiteSnapshot> consumer) {
        return inner.subscribeSnapshots(executor, consumer);
    }

    @Override
    public AutoCloseable subscribeEvents(Executor executor, Consumer<? super SupervisorEvent> consumer) {
        return inner.subscribeEvents(executor, consumer);
    }

    /** Never forwarded: a read-only console sends no request at all (status is polled by the inner connection). */
    @Override
    public CompletableFuture<ControlResponse> send(ControlRequest request) {
        return CompletableFuture.completedFuture(ControlResponse.of(ControlResponse.Outcome.REFUSED,
                "this console is read-only: it offers no actions and sends no requests"));
    }

    @Override
    public Optional<ArbiterSnapshot> arbiterStatus(String pairId) {
        return inner.arbiterStatus(pairId);
    }

    @Override
    public Path siteFile() {
        return null;
    }

    @Override
    public Path location() {
        return null;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public void close() {
        inner.close();
    }
}
