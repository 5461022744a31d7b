package io.redpair.supervisor;

import io.redpair.failover.Decider;
import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.failover.PairCommand;
import io.redpair.failover.PairEvent;
import io.redpair.failover.PairEvent.BoxObserved;
import io.redpair.failover.PairEvent.CommandCompleted;
import io.redpair.failover.PairState;
import io.redpair.failover.Step;
import io.redpair.health.ApiObservation;
import io.redpair.health.BoxHealth;
import io.redpair.health.BoxHealthSnapshot;
import io.redpair.health.CanaryObservation;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.store.Reconciliation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the supervisor thread keeps for one pair: the decider and its state, the health model per box,
 * probe bookkeeping and the timeline tail. Every method runs on the supervisor thread; probe results and
 * command completions are posted back to it, so nothing here needs a lock.
 */
final class PairRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(PairRuntime.class);
    private static final int TIMELINE = 50;

    private final Pair pair;
    private final RuntimeContext ctx;
    private final Map<BoxId, BoxPort> ports;
    private final Decider decider;
    private final CommandRunner runner;
    private final IntentTracker intents;
    private final LocalPauseGuard pauseGuard;
    private final Map<BoxId, ProbeState> boxes = new EnumMap<>(BoxId.class);
    private final Deque<SupervisorEvent> timeline = new ArrayDeque<>();
    private final BoxFactsReader facts;
    private final UntrustedKeyWatch keys;
    private PairState state;
    private long generation;
    /** Null when no arbiter is wired. */
    private final ArbiterDisplay arbiterDisplay;

    /** Per box: health model, the last verdict published, in-flight probes, latencies. */
    private static final class ProbeState {
        BoxHealth health;
        BoxHealthSnapshot last;
        BoxCondition published = BoxCondition.UNKNOWN;
        boolean apiInFlight;
        boolean canaryInFlight;
        long apiLatencyNanos = -1;
        long canaryLatencyNanos = -1;
        /** When the last stop/start on this box completed: probes sent before it describe the old state. */
        long commandDoneNanos = Long.MIN_VALUE;
        /** Both channels answered since that command: until then the health verdict is not fed to the decider. */
        boolean apiFresh = true;
        boolean canaryFresh = true;
    }

    PairRuntime(Pair pair, RuntimeContext ctx, Map<BoxId, BoxPort> ports, Reconciliation journalled, long nowNanos) {
        this(pair, ctx, ports, null, journalled, nowNanos, BoxFactsReader.Timing.DEFAULT);
    }

    /**
     * @param arbiter the pair's arbiter (null: none wired). Its reports reach the decider as ArbiterObserved on
     *                the supervisor thread; FenceBox/SelectOutput run through it with the decision's epoch.
     */
    PairRuntime(Pair pair, RuntimeContext ctx, Map<BoxId, BoxPort> ports, ArbiterPort arbiter,
                Reconciliation journalled, long nowNanos, BoxFactsReader.Timing factsTiming) {
        this.pair = pair;
        this.ctx = ctx;
        this.ports = ports;
        this.decider = new Decider(pair.id(), pair.policy(), pair.preferred() == null ? BoxId.A : pair.preferred());
        long period = TimeUnit.MILLISECONDS.toNanos(pair.policy().intervalMs());
        this.pauseGuard = new LocalPauseGuard(period, TimeUnit.MILLISECONDS.toNanos(pair.policy().deadlineMs()));
        for (BoxId box : BoxId.values()) {
            ProbeState p = new ProbeState();
            p.health = BoxHealth.forPair(pair, box);
            boxes.put(box, p);
        }
        Duration stopLimit = Duration.ofSeconds(40);
        Duration startLimit = Duration.ofSeconds(70);
        this.keys = new UntrustedKeyWatch(pair.id());
        this.runner = new CommandRunner(pair.id(), ports, notesToTimeline(ctx, Thread.currentThread()), stopLimit,
                startLimit, this::onCompleted);
        this.intents = ctx.readOnly() ? null
                : new IntentTracker(pair.id(), ctx.journal(), ctx.nanoClock(), journalled.activeBox().orElse(null));
        this.state = decider.initial(journalled.epoch(), Reconciler.activeHint(journalled),
                Reconciler.lastAutoFailover(journalled, ctx.wallClock().instant(), nowNanos), nowNanos);
        if (intents != null) {
            intents.seeded(state);
        }
        this.facts = new BoxFactsReader(pair.id(), ports, ctx, factsTiming, this::noteDrift, nowNanos);
        this.arbiterDisplay = arbiter == null ? null
                : new ArbiterDisplay(pair.arbiter() == null ? "the arbiter" : pair.arbiter().port());
        if (arbiter != null) {
            runner.useArbiter(new ArbiterCommandRunner(pair.id(), arbiter, ctx, this::onArbiterResult));
            arbiter.onView(view -> onLoop(() -> {
                if (!ctx.readOnly() && !view.equals(state.arbiter())) {
                    decide(new PairEvent.ArbiterObserved(view), ctx.now());
                }
            }));
            arbiter.onReport(report -> onLoop(() -> arbiterDisplay.onReport(report, ctx.now())));
            arbiter.onDeviceNote(text -> onLoop(() -> deviceNote(text)));
        }
    }

    /** Drift news on the timeline: a warning for the engineer, never an input of the decider. */
    private void noteDrift(String text) {
        String type = text.startsWith("Flows differ") ? "flows-drift" : "flows-match";
        record(new SupervisorEvent.Noted(ctx.wallClock().instant(), pair.id(), state.epoch(), type, text));
    }

    /** Reads both boxes' version and revision on the next tick (after a deploy by a push, or on request). */
    void readFactsSoon() {
        facts.readAllSoon();
    }

    boolean factsSettled() {
        return facts.allAttempted();
    }

    /** Runs an arbiter report on the supervisor thread, where the decider and the timeline live. */
    private void onLoop(Runnable work) {
        try {
            ctx.loop().execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("supervisor stopped before an arbiter report arrived");
        }
    }

    /** A fact about the arbiter device (rebooted, HOSTLOST, re-armed...): journalled and on the timeline. */
    private void deviceNote(String text) {
        LOG.info("pair {} epoch {} {}", pair.id(), state.epoch(), text);
        if (ctx.readOnly()) {
            record(new SupervisorEvent.Noted(ctx.wallClock().instant(), pair.id(), state.epoch(), "arbiter", text));
        } else {
            runner.run(List.of(new PairCommand.RecordNote("arbiter", text)), state.epoch());
        }
    }

    Pair pair() {
        return pair;
    }

    PairState state() {
        return state;
    }

    /** One period: pause guard, probes, health re-assessment, and a Tick for the decider. */
    void tick(long now) {
        long gap = pauseGuard.onTick(now);
        if (gap > 0) {
            rebaseline(now, gap);
        }
        for (BoxId box : BoxId.values()) {
            sendProbes(box);
            observe(box, now);
        }
        facts.tick(now);
        if (!ctx.readOnly() && !pauseGuard.suppressed(now)) {
            decide(new PairEvent.Tick(), now);
            guardSpare();
        }
    }

    /** Parks a stop at a non-active box that cannot be seen, outside takeovers (see CommandRunner#parkStop). */
    private void guardSpare() {
        BoxId active = state.active();
        if (active == null || state.step() != FailoverStep.NONE || state.mode() == Mode.STARTING) {
            return;
        }
        BoxCondition spare = state.condition(active.other());
        // a spare whose power the arbiter holds off cannot run flows, and a stop could never reach it
        if ((spare == BoxCondition.HUNG || spare == BoxCondition.UNREACHABLE) && !state.arbiter().fenced(active.other())) {
            runner.parkStop(active.other(), state.epoch());
        }
    }

    private void rebaseline(long now, long gapNanos) {
        generation++;
        for (BoxId box : BoxId.values()) {
            ProbeState p = boxes.get(box);
            p.health = BoxHealth.forPair(pair, box);
            p.apiInFlight = false;
            p.canaryInFlight = false;
        }
        long gapMs = TimeUnit.NANOSECONDS.toMillis(gapNanos);
        long suppressMs = TimeUnit.NANOSECONDS.toMillis(pauseGuard.windowNanos());
        LOG.warn("pair {} epoch {} local pause of {} ms detected: no conviction for {} ms, health re-baselined",
                pair.id(), state.epoch(), gapMs, suppressMs);
        record(new SupervisorEvent.LocalPauseDetected(ctx.wallClock().instant(), pair.id(), gapMs, suppressMs));
    }

    private void sendProbes(BoxId box) {
        ProbeState p = boxes.get(box);
        long gen = generation;
        long sent = ctx.now();
        if (!p.apiInFlight) {
            p.apiInFlight = true;
            deliver(ports.get(box).probeApi(), r -> onApi(box, gen, sent, r));
        }
        if (pair.hasCanary() && !p.canaryInFlight) {
            p.canaryInFlight = true;
            deliver(ports.get(box).probeCanary(), r -> onCanary(box, gen, sent, r));
        }
    }

    private <T> void deliver(CompletableFuture<T> future, Consumer<T> onLoop) {
        future.whenComplete((result, error) -> {
            if (result == null) {
                LOG.error("pair {} probe failed unexpectedly", pair.id(), error);
                return;
            }
            try {
                ctx.loop().execute(() -> onLoop.accept(result));
            } catch (RejectedExecutionException stopped) {
                LOG.debug("supervisor stopped; probe result dropped");
            }
        });
    }

    /**
     * A probe result is stale, and dropped, when it was sent before a local pause (its timing says nothing
     * about the box) or before the last verified stop/start of that box completed (it describes the state the
     * command changed: a "stop" read just before a start must not make the new active look like a spare).
     */
    private boolean stale(ProbeState p, long gen, long sentNanos) {
        return gen != generation || sentNanos < p.commandDoneNanos;
    }

    private void onApi(BoxId box, long gen, long sent, BoxPort.Probed<ApiObservation> r) {
        ProbeState p = boxes.get(box);
        if (gen == generation) {
            p.apiInFlight = false;
        }
        if (stale(p, gen, sent)) {
            return;
        }
        p.apiFresh = true;
        p.apiLatencyNanos = r.latencyNanos();
        long now = ctx.now();
        p.health.onApi(r.observation(), now);
        keys.onApi(box, r.observation()).ifPresent(text -> runner.run(java.util.List.of(new PairCommand.RaiseAlarm(text)),
                state.epoch()));
        observe(box, now);
    }

    private void onCanary(BoxId box, long gen, long sent, BoxPort.Probed<CanaryObservation> r) {
        ProbeState p = boxes.get(box);
        if (gen == generation) {
            p.canaryInFlight = false;
        }
        if (stale(p, gen, sent)) {
            return;
        }
        p.canaryFresh = true;
        p.canaryLatencyNanos = r.latencyNanos();
        long now = ctx.now();
        p.health.onCanary(r.observation(), now);
        observe(box, now);
    }

    /** Re-assesses a box; publishes a changed verdict and feeds it to the decider unless held back. */
    private void observe(BoxId box, long now) {
        ProbeState p = boxes.get(box);
        p.last = p.health.assess(now);
        BoxCondition condition = p.last.condition();
        if (condition != p.published) {
            if (serving(condition) && !serving(p.published)) {
                facts.readSoon(box); // back after a gap: it may have been upgraded or redeployed meanwhile
            }
            record(new SupervisorEvent.BoxConditionChanged(ctx.wallClock().instant(), pair.id(), box, p.published,
                    condition, p.last.detail()));
            p.published = condition;
        }
        boolean fresh = p.apiFresh && p.canaryFresh;
        boolean deciderBehind = fresh && condition != BoxCondition.UNKNOWN && condition != state.condition(box);
        if (!ctx.readOnly() && deciderBehind && !pauseGuard.suppressed(now)) {
            decide(new BoxObserved(box, condition, p.last.detail()), now);
        }
    }

    private static boolean serving(BoxCondition c) {
        return c == BoxCondition.RUNNING_FLOWS || c == BoxCondition.STANDBY_READY;
    }

    private void onCompleted(CommandCompleted c) {
        BoxId box = c.command() instanceof PairCommand.StopFlows s ? s.box()
                : c.command() instanceof PairCommand.StartFlows s ? s.box() : null;
        if (box != null) {
            changedByCommand(box);
            facts.readSoon(box);
        }
        if (intents != null) {
            intents.onCompleted(c);
        }
        decide(c, ctx.now());
    }

    /** Probes sent before a command changed the box describe the old state: dropped until both channels answer again. */
    private void changedByCommand(BoxId box) {
        ProbeState p = boxes.get(box);
        p.commandDoneNanos = ctx.now();
        p.apiFresh = false;
        p.canaryFresh = !pair.hasCanary();
    }

    /**
     * A verified fence changes the box like a stop (power off): earlier probes are stale and its health is DOWN,
     * so an answer given just before the power went off cannot read as "the old box runs flows again".
     */
    private void onArbiterResult(PairEvent e) {
        if (e instanceof CommandCompleted c && c.ok() && c.command() instanceof PairCommand.FenceBox f) {
            changedByCommand(f.box());
            boxes.get(f.box()).health.confirmedOff("fenced by the arbiter (power off confirmed)", ctx.now());
        }
        decide(e, ctx.now());
    }

    /** Feeds one event to the decider and carries out the step. Returns the step for operator requests. */
    Step decide(PairEvent event, long now) {
        PairState old = state;
        Step step = decider.step(old, event, now);
        state = step.state();
        if (changed(old, state)) {
            LOG.info("pair {} epoch {} {} -> {} active={} step={} target={}: {}", pair.id(), state.epoch(), old.mode(),
                    state.mode(), state.active(), state.step(), state.target(), state.reason());
            record(new SupervisorEvent.StateChanged(ctx.wallClock().instant(), pair.id(), old.mode(), state.mode(),
                    state.active(), state.epoch(), state.step(), state.target(), state.reason()));
            intents.onTransition(state);
        }
        runner.run(step.commands(), state.epoch());
        if (changed(old, state)) {
            guardSpare();
        }
        return step;
    }

    static boolean changed(PairState a, PairState b) {
        return a.mode() != b.mode() || a.active() != b.active() || a.epoch() != b.epoch() || a.step() != b.step()
                || a.target() != b.target();
    }

    /**
     * The runner publishes the decision core's notes and alarms ("failover complete: … took N ms") itself; those
     * raised on the supervisor thread (the one that built this runtime) also go to the pair's timeline, so the
     * dashboard shows them. Anything from another thread is only published: the timeline is supervisor-thread only.
     */
    private RuntimeContext notesToTimeline(RuntimeContext c, Thread supervisorThread) {
        return new RuntimeContext(c.loop(), c.io(), c.parking(), c.journal(), e -> {
            boolean note = e instanceof SupervisorEvent.Noted || e instanceof SupervisorEvent.Alarmed;
            if (note && Thread.currentThread() == supervisorThread) {
                record(e);
            } else {
                c.publish().accept(e);
            }
        }, c.wallClock(), c.nanoClock());
    }

    /** Adds to the timeline tail and publishes. */
    void record(SupervisorEvent e) {
        timeline.addLast(e);
        while (timeline.size() > TIMELINE) {
            timeline.removeFirst();
        }
        ctx.publish().accept(e);
    }

    PairSnapshot snapshot() {
        long now = ctx.now();
        Map<BoxId, BoxSnapshot> out = new EnumMap<>(BoxId.class);
        for (BoxId box : BoxId.values()) {
            ProbeState p = boxes.get(box);
            BoxHealthSnapshot h = p.last != null ? p.last : p.health.assess(now);
            out.put(box, facts.withFacts(new BoxSnapshot(box, pair.box(box).url().toString(), h.condition(), h.detail(),
                    millis(p.apiLatencyNanos), millis(p.canaryLatencyNanos), h.canaryAgeMs(), h.phi(), h.missed(),
                    h.lastApi() == null ? null : h.lastApi().name(), h.lastCanary() == null ? null : h.lastCanary().name()),
                    now));
        }
        boolean decides = !ctx.readOnly();
        return new PairSnapshot(pair.id(), pair.name(), decides ? state.mode() : null, decides ? state.active() : null,
                state.epoch(), decides ? state.reason() : "not supervised: health only", state.step(), state.target(),
                pair.hasCanary(), pauseGuard.suppressed(now), out, timeline.stream().toList(), fencingWords(),
                facts.drift(), arbiterDisplay == null ? null : arbiterDisplay.at(now));
    }

    /** The fencing line of status and the dashboard: api-only is always shown as UNFENCED. */
    private String fencingWords() {
        if (pair.policy().fencing() == io.redpair.pair.Policy.Fencing.API_ONLY) {
            return "UNFENCED (fencing: api-only): a hung or cut-off active needs an operator";
        }
        return state.arbiter().linkUp() ? "arbiter: link up, fence available"
                : "arbiter: LINK DOWN, no fence: no automatic takeover";
    }

    private static long millis(long nanos) {
        return nanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** True once the decider has heard from both boxes (used by one-shot commands and status). */
    boolean bothHeard() {
        return boxes.values().stream().allMatch(p -> p.published != BoxCondition.UNKNOWN);
    }
}
