package io.redpair.supervisor;

import io.redpair.failover.PairCommand;
import io.redpair.failover.PairCommand.PersistEpoch;
import io.redpair.failover.PairCommand.RaiseAlarm;
import io.redpair.failover.PairCommand.RecordNote;
import io.redpair.failover.PairCommand.StartFlows;
import io.redpair.failover.PairCommand.StopFlows;
import io.redpair.failover.PairEvent.CommandCompleted;
import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.store.JournalEntry;
import io.redpair.store.JournalException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes the commands of one decision step for one pair, in order. Called on the supervisor thread.
 *
 * <p>Invariants:
 * <ul>
 *   <li>{@link PersistEpoch} is written to the journal (synchronous=FULL) on the calling thread and returns
 *       before any later command of the step starts; if it fails, the later box commands are not run and are
 *       reported failed — an epoch that is not durable is never acted under.</li>
 *   <li>Box commands run on the I/O executor, are verified by the {@link BoxPort}, and produce exactly one
 *       {@link CommandCompleted} on the supervisor thread: the verified result, or a failure after the
 *       command's time limit, whichever comes first.</li>
 * </ul>
 */
final class CommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    private final String pairId;
    private final Map<BoxId, BoxPort> ports;
    private final RuntimeContext ctx;
    private final Duration stopLimit;
    private final Duration startLimit;
    private final Consumer<CommandCompleted> completions;
    private ArbiterCommandRunner arbiter;
    /** Boxes with a parked stop outstanding (supervisor thread only). */
    private final java.util.Set<BoxId> parked = java.util.EnumSet.noneOf(BoxId.class);
    /** Parked stops not confirmed in a row, per box, and when the next may go out (supervisor thread only). */
    private final Map<BoxId, Integer> parkFailures = new java.util.EnumMap<>(BoxId.class);
    private final Map<BoxId, Long> parkNotBefore = new java.util.EnumMap<>(BoxId.class);
    static final long PARK_RETRY_FIRST_MS = 500;
    static final long PARK_RETRY_MAX_MS = 30_000;

    CommandRunner(String pairId, Map<BoxId, BoxPort> ports, RuntimeContext ctx, Duration stopLimit,
                  Duration startLimit, Consumer<CommandCompleted> completions) {
        this.pairId = pairId;
        this.ports = ports;
        this.ctx = ctx;
        this.stopLimit = stopLimit;
        this.startLimit = startLimit;
        this.completions = completions;
    }

    void run(List<PairCommand> commands, long epoch) {
        boolean epochFailed = false;
        for (PairCommand command : commands) {
            if (command instanceof PersistEpoch p) {
                epochFailed = !persist(p);
            } else if (command instanceof RecordNote n) {
                journal(JournalEntry.Kind.NOTE, epoch, n.type(), n.text());
                ctx.publish().accept(new SupervisorEvent.Noted(ctx.wallClock().instant(), pairId, epoch, n.type(), n.text()));
            } else if (command instanceof RaiseAlarm a) {
                LOG.warn("pair {} epoch {} ALARM: {}", pairId, epoch, a.text());
                journal(JournalEntry.Kind.ALARM, epoch, "alarm", a.text());
                ctx.publish().accept(new SupervisorEvent.Alarmed(ctx.wallClock().instant(), pairId, epoch, a.text()));
            } else if (epochFailed) {
                ctx.loop().execute(() -> completions.accept(new CommandCompleted(command, false,
                        "not run: the epoch could not be written to the journal")));
            } else if (command instanceof StopFlows || command instanceof StartFlows) {
                startBoxCommand(command);
            } else {
                arbiterCommand(command);
            }
        }
    }

    /** FenceBox/SelectOutput go to the arbiter runner (which answers "not run" when no arbiter is wired). */
    private void arbiterCommand(PairCommand command) {
        if (arbiter == null) {
            ctx.loop().execute(() -> completions.accept(new CommandCompleted(command, false,
                    "not run: no arbiter connected to this runtime")));
        } else {
            arbiter.run(command);
        }
    }

    /** Where FenceBox/SelectOutput are run; set once by the pair runtime before the first step. */
    void useArbiter(ArbiterCommandRunner runner) {
        this.arbiter = runner;
    }

    private boolean persist(PersistEpoch p) {
        try {
            ctx.journal().persistEpoch(pairId, p.epoch(), p.reason(), ctx.now());
            return true;
        } catch (JournalException e) {
            LOG.error("pair {} epoch {} NOT persisted, later commands of this step are not run: {}", pairId,
                    p.epoch(), e.getMessage());
            ctx.publish().accept(new SupervisorEvent.Alarmed(ctx.wallClock().instant(), pairId, p.epoch(),
                    "journal write failed; no box command is run: " + e.getMessage()));
            return false;
        }
    }

    private void journal(JournalEntry.Kind kind, long epoch, String type, String text) {
        if (ctx.journal() == null) {
            return; // a read-only observer records nothing
        }
        try {
            ctx.journal().record(pairId, ctx.now(), kind, epoch, type, text, Actor.supervisor());
        } catch (JournalException e) {
            LOG.error("pair {} journal write failed: {}", pairId, e.getMessage());
        }
    }

    /**
     * Parks a stop request at a spare that cannot be seen (HUNG or UNREACHABLE) while another box is active: a
     * frozen Node-RED keeps accepting connections, so the request waits in its socket and is among the first
     * things it handles when it runs again — its flows stop within its first event-loop turns instead of after
     * the next probe. Not a decider command (stopping a non-active box is always safe); its result is journalled
     * and published, and a box with a parked stop is never started (see {@link #startBoxCommand}).
     */
    void parkStop(BoxId box, long epoch) {
        long started = ctx.now();
        if (started - parkNotBefore.getOrDefault(box, started) < 0 || !parked.add(box)) {
            return;
        }
        try {
            ctx.parking().execute(() -> {
                BoxPort.Verified v = execute(box, true);
                postToLoop(() -> {
                    parked.remove(box);
                    long ms = TimeUnit.NANOSECONDS.toMillis(ctx.now() - started);
                    String text = "parked stop at " + box + (v.ok() ? " confirmed" : " not confirmed") + " after "
                            + ms + " ms: " + v.detail() + backOff(box, v.ok());
                    LOG.info("pair {} epoch {} {}", pairId, epoch, text);
                    journal(JournalEntry.Kind.COMMAND, epoch, "parked-stop", text);
                    ctx.publish().accept(new SupervisorEvent.CommandFinished(ctx.wallClock().instant(), pairId, epoch,
                            "parked-stop", box, v.ok(), ms, v.detail()));
                });
            });
        } catch (RejectedExecutionException e) {
            parked.remove(box);
        }
    }

    /** True while a parked stop at {@code box} is out (supervisor thread only). */
    boolean stopParkedAt(BoxId box) {
        return parked.contains(box);
    }

    /**
     * Spaces parked stops at a box that keeps not answering (0.5 s, 1 s, 2 s … 30 s) so a long partition does
     * not write two journal lines a second; a frozen box still gets its stop, which waits in its socket anyway.
     * Returns the words for the timeline ("" once confirmed).
     */
    private String backOff(BoxId box, boolean confirmed) {
        if (confirmed) {
            parkFailures.remove(box);
            parkNotBefore.remove(box);
            return "";
        }
        int failures = parkFailures.merge(box, 1, Integer::sum);
        long waitMs = Math.min(PARK_RETRY_MAX_MS, PARK_RETRY_FIRST_MS << Math.min(failures - 1, 16));
        parkNotBefore.put(box, ctx.now() + TimeUnit.MILLISECONDS.toNanos(waitMs));
        return "; next try in " + (waitMs >= 1000 ? waitMs / 1000 + " s" : waitMs + " ms");
    }

    private void startBoxCommand(PairCommand command) {
        BoxId box = command instanceof StopFlows s ? s.box() : ((StartFlows) command).box();
        boolean stop = command instanceof StopFlows;
        Duration limit = stop ? stopLimit : startLimit;
        AtomicBoolean done = new AtomicBoolean();
        long started = ctx.now();
        if (!stop && parked.contains(box)) {
            finish(done, command, box, false, "not started: a stop is still parked at " + box
                    + " (it was not answering); starting it could race that stop", started);
            return;
        }
        Runnable timeout = () -> finish(done, command, box, false,
                "no verified result within " + limit.toSeconds() + " s", started);
        var timer = ctx.loop().schedule(timeout, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ctx.io().execute(() -> {
                BoxPort.Verified v = execute(box, stop);
                timer.cancel(false);
                postToLoop(() -> finish(done, command, box, v.ok(), v.detail(), started));
            });
        } catch (RejectedExecutionException e) {
            timer.cancel(false);
            finish(done, command, box, false, "not run: supervisor is shutting down", started);
        }
    }

    private BoxPort.Verified execute(BoxId box, boolean stop) {
        try {
            return stop ? ports.get(box).stopFlows() : ports.get(box).startFlows();
        } catch (RuntimeException e) {
            LOG.error("pair {} {} on box {} failed unexpectedly", pairId, stop ? "stop" : "start", box, e);
            return new BoxPort.Verified(false, "internal error: " + e);
        }
    }

    private void postToLoop(Runnable r) {
        try {
            ctx.loop().execute(r);
        } catch (RejectedExecutionException e) {
            LOG.debug("supervisor stopped before a command result arrived");
        }
    }

    private void finish(AtomicBoolean done, PairCommand command, BoxId box, boolean ok, String detail, long started) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(ctx.now() - started);
        long epoch = command instanceof StopFlows s ? s.epoch() : ((StartFlows) command).epoch();
        String name = command instanceof StopFlows ? "stop-flows" : "start-flows";
        LOG.info("pair {} epoch {} {} {} {} in {} ms: {}", pairId, epoch, name, box, ok ? "verified" : "FAILED", ms, detail);
        ctx.publish().accept(new SupervisorEvent.CommandFinished(ctx.wallClock().instant(), pairId, epoch, name, box,
                ok, ms, detail));
        completions.accept(new CommandCompleted(command, ok, detail));
    }
}
