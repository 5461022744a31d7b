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
 * How the console reaches the supervisor of an open site: either it runs its own
 * ({@link OwnSupervisorConnection}) or it is attached to a headless {@code redpair supervise} through the
 * control channel (a later implementation). The dashboard only knows this interface, so both look the same.
 *
 * <p>Invariants: subscribers are called on the executor they pass, never on the caller's thread;
 * {@link #send} never blocks the caller (the answer arrives later); the engine never waits for the console.
 */
public interface SiteConnection extends AutoCloseable {

    Site site();

    /** For the status bar: who decides for this site ("this console", "supervise pid 4711"). */
    String describe();

    AutoCloseable subscribeSnapshots(Executor executor, Consumer<? super SiteSnapshot> consumer);

    AutoCloseable subscribeEvents(Executor executor, Consumer<? super SupervisorEvent> consumer);

    /** Sends an operator request (switchover, failover override, maintenance); completes with the answer. */
    CompletableFuture<ControlResponse> send(ControlRequest request);

    /**
     * The pair's arbiter as of the latest snapshot this connection saw: link and last STATUS. Empty when the
     * supervisor has no arbiter wired for the pair, or before the first snapshot (the panel then says "not
     * reported"). The dashboard prefers the arbiter of the snapshot it is drawing, so banner, cards and panel
     * always show the same moment.
     */
    Optional<ArbiterSnapshot> arbiterStatus(String pairId);

    /** The site file, when this console may edit it (null for an attached console or a fake). */
    default Path siteFile() {
        return null;
    }

    /**
     * Where the site file is, for the deliberate-action gate (approver accounts and the audit trail live beside
     * it); null when this console may not act. Unlike {@link #siteFile()} also known when attached.
     */
    default Path location() {
        return siteFile();
    }

    /**
     * A read-only observer (issue 8 item 5): it took no site lock and no arbiter session, sends no request
     * that changes anything, and the console offers no action and no editor.
     */
    default boolean readOnly() {
        return false;
    }

    @Override
    void close();
}
