package io.redpair.cli;

import io.redpair.store.Actor;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditUnavailableException;
import io.redpair.supervisor.AuditRecorder;
import io.redpair.supervisor.Supervisor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The audit trail of a supervisor (long-running or one-shot): an {@link AuditRecorder} on its own
 * thread (rows keep event order; a slow disk never delays the supervisor), and the gate that records
 * each operator request before it is decided. When the trail cannot be opened the supervisor runs
 * anyway and says so: automatic safety actions never wait for the record, operator requests are refused.
 */
final class AuditTrail implements AutoCloseable {

    private final AuditLog log;
    private final ExecutorService thread;
    private final AutoCloseable subscription;

    private AuditTrail(AuditLog log, ExecutorService thread, AutoCloseable subscription) {
        this.log = log;
        this.thread = thread;
        this.subscription = subscription;
    }

    static AuditTrail attach(Supervisor supervisor, Path journalFile, PrintWriter err) {
        AuditLog log;
        try {
            log = AuditLog.open(journalFile, Clock.systemUTC());
        } catch (AuditUnavailableException e) {
            err.println("redpair: WARNING: supervising without an audit trail (operator requests will be refused): "
                    + e.getMessage());
            supervisor.recordOperatorRequestsIn(event -> {
                throw e;
            });
            return new AuditTrail(null, null, null);
        }
        supervisor.recordOperatorRequestsIn(log::append);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "redpair-audit");
            t.setDaemon(true);
            return t;
        });
        return new AuditTrail(log, thread, supervisor.subscribe(thread, new AuditRecorder(log, Actor.current())));
    }

    /** Stops taking events, writes the ones already queued, closes the trail. */
    @Override
    public void close() throws Exception {
        if (log == null) {
            return;
        }
        subscription.close();
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
        log.close();
    }
}
