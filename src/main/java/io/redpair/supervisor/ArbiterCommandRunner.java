package io.redpair.supervisor;

import io.redpair.failover.PairCommand;
import io.redpair.failover.PairCommand.FenceBox;
import io.redpair.failover.PairCommand.SelectOutput;
import io.redpair.failover.PairEvent;
import io.redpair.failover.PairEvent.ArbiterEpochRejected;
import io.redpair.failover.PairEvent.CommandCompleted;
import io.redpair.pair.BoxId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the decider's FenceBox/SelectOutput through the pair's {@link ArbiterPort} with the decision's epoch
 * and posts exactly one result per command back to the supervisor thread: a CommandCompleted (ok only when
 * the port confirmed the effect) or, for E05, an ArbiterEpochRejected. Without a port (fencing=api-only, or
 * no arbiter wired) the answer is "not run", so a takeover can never wait on it.
 */
final class ArbiterCommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ArbiterCommandRunner.class);
    private static final long LIMIT_MS = 10_000;

    private final String pairId;
    private final ArbiterPort port;
    private final RuntimeContext ctx;
    private final Consumer<PairEvent> results;

    ArbiterCommandRunner(String pairId, ArbiterPort port, RuntimeContext ctx, Consumer<PairEvent> results) {
        this.pairId = pairId;
        this.port = port;
        this.ctx = ctx;
        this.results = results;
    }

    void run(PairCommand command) {
        long started = ctx.now();
        CompletableFuture<ArbiterPort.Outcome> outcome;
        if (port == null) {
            outcome = CompletableFuture.completedFuture(
                    new ArbiterPort.Outcome.NotConfirmed("not run: no arbiter connected to this runtime"));
        } else if (command instanceof FenceBox f) {
            outcome = port.fence(f.box(), f.epoch());
        } else if (command instanceof SelectOutput s) {
            outcome = port.select(s.box(), s.epoch());
        } else {
            throw new IllegalArgumentException("not an arbiter command: " + command);
        }
        outcome.orTimeout(LIMIT_MS, TimeUnit.MILLISECONDS)
                .exceptionally(e -> new ArbiterPort.Outcome.NotConfirmed("no verified result within " + LIMIT_MS + " ms"))
                .thenAccept(o -> post(() -> finish(command, o, started)));
    }

    private void finish(PairCommand command, ArbiterPort.Outcome outcome, long started) {
        long ms = TimeUnit.NANOSECONDS.toMillis(ctx.now() - started);
        long epoch = command instanceof FenceBox f ? f.epoch() : ((SelectOutput) command).epoch();
        BoxId box = command instanceof FenceBox f ? f.box() : ((SelectOutput) command).box();
        String name = command instanceof FenceBox ? "fence" : "select-output";
        if (outcome instanceof ArbiterPort.Outcome.StaleEpoch stale) {
            LOG.warn("pair {} epoch {} {} {} REFUSED: stale epoch, arbiter holds {}", pairId, epoch, name, box,
                    stale.arbiterEpoch());
            publish(epoch, name, box, false, ms, "E05 stale epoch, arbiter holds " + stale.arbiterEpoch());
            results.accept(new ArbiterEpochRejected(command, stale.arbiterEpoch()));
            return;
        }
        boolean ok = outcome instanceof ArbiterPort.Outcome.Confirmed;
        String detail = ok ? ((ArbiterPort.Outcome.Confirmed) outcome).detail()
                : ((ArbiterPort.Outcome.NotConfirmed) outcome).detail();
        LOG.info("pair {} epoch {} {} {} {} in {} ms: {}", pairId, epoch, name, box, ok ? "verified" : "FAILED", ms, detail);
        publish(epoch, name, box, ok, ms, detail);
        results.accept(new CommandCompleted(command, ok, detail));
    }

    private void publish(long epoch, String name, BoxId box, boolean ok, long ms, String detail) {
        ctx.publish().accept(new SupervisorEvent.CommandFinished(ctx.wallClock().instant(), pairId, epoch, name, box,
                ok, ms, detail));
    }

    private void post(Runnable r) {
        try {
            ctx.loop().execute(r);
        } catch (RejectedExecutionException e) {
            LOG.debug("supervisor stopped before an arbiter result arrived");
        }
    }
}
