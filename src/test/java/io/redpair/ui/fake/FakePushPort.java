package io.redpair.ui.fake;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSetLoader;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushProgress;
import io.redpair.flows.push.PushRefusedException;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.PushStep;
import io.redpair.flows.push.StepResult;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;
import io.redpair.flows.push.SwitchoverOutcome;
import io.redpair.flows.push.SwitchoverReport;
import io.redpair.ui.push.NodeLinks;
import io.redpair.ui.push.PlanText;
import java.time.Duration;
import java.util.Optional;
import io.redpair.ui.push.PushPort;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A pair of boxes in memory for the wizard's UI tests and preview: A active, B the spare. A push replaces their
 * flow sets step by step (spare first, as the plan orders it), optionally failing at one box or holding at a latch
 * so a test can look at the progress page. Sources are named in {@link #sources}. The real push is exercised
 * against real Node-RED by {@code PushWizardOnRealPairUiTest}.
 */
public final class FakePushPort implements PushPort {

    /** The downtime the fake switchover reports. */
    public static final long SWITCHOVER_GAP_MS = 287;
    public final Map<String, FlowSet> sources = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<BoxId, FlowSet> boxes = new EnumMap<>(BoxId.class);
    private final Map<BoxId, FlowSet> beforeLastPush = new EnumMap<>(BoxId.class);
    private final Map<BoxId, Role> roles = new EnumMap<>(Map.of(BoxId.A, Role.ACTIVE, BoxId.B, Role.STANDBY));
    public final List<String> actions = new CopyOnWriteArrayList<>();
    private volatile BoxId failAt;
    private volatile CountDownLatch hold;

    public FakePushPort(FlowSet onBoth) {
        boxes.put(BoxId.A, onBoth);
        boxes.put(BoxId.B, onBoth);
    }

    public static FlowSet flows(String name, String json) {
        try {
            return FlowSetLoader.parse(name, json);
        } catch (FlowsFormatException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public synchronized Role role(BoxId box) {
        return roles.get(box);
    }

    public synchronized FlowSet box(BoxId box) {
        return boxes.get(box);
    }

    /** The next push fails at this box (as a 409 would). */
    public void failAt(BoxId box) {
        failAt = box;
    }

    /** The next push waits for this latch after its first step. */
    public void holdAfterFirstStep(CountDownLatch latch) {
        hold = latch;
    }

    @Override
    public FlowSet loadSource(String spec) throws FlowsFormatException {
        FlowSet s = sources.get(spec);
        if (s == null) {
            throw new FlowsFormatException(spec, 0, 0, "no such file");
        }
        return s;
    }

    @Override
    public synchronized PlannedPush planPush(String pairId, FlowSet source) {
        return planned(PushPlan.of(source, Map.copyOf(roles), Map.copyOf(boxes)), false);
    }

    @Override
    public synchronized PlannedPush planRollback(String pairId) throws PushRefusedException {
        if (beforeLastPush.isEmpty()) {
            throw new PushRefusedException(PushRefusedException.Kind.BAD_INPUT, "no complete push snapshot for pair \""
                    + pairId + "\" (a push keeps one; nothing to roll back to)");
        }
        return planned(PushPlan.perBox(beforeLastPush.get(BoxId.A), Map.copyOf(beforeLastPush), Map.copyOf(roles), Map.copyOf(boxes)), true);
    }

    private PlannedPush planned(PushPlan plan, boolean rollback) {
        List<NodeLinks.Editor> editors = List.of(new NodeLinks.Editor(URI.create("http://10.20.1.11:1880/"), boxes.get(BoxId.A)),
                new NodeLinks.Editor(URI.create("http://10.20.1.12:1880/"), boxes.get(BoxId.B)));
        return new PlannedPush() {
            @Override
            public PushPlan plan() {
                return plan;
            }

            @Override
            public List<NodeLinks.Editor> editors() {
                return editors;
            }

            @Override
            public Optional<String> bySwitchoverUnavailable() {
                return rollback ? Optional.of("a rollback is always in place") : Optional.empty();
            }

            @Override
            public PushResult execute(PlanText.Method method, PushProgress progress) {
                boolean switching = !rollback && method == PlanText.Method.BY_SWITCHOVER;
                actions.add(rollback ? "rollback" : switching ? "push-by-switchover" : "push");
                return run(plan, progress, switching);
            }

            @Override
            public void close() {
            }
        };
    }

    private PushResult run(PushPlan plan, PushProgress progress, boolean switching) {
        synchronized (this) {
            beforeLastPush.putAll(boxes);
        }
        List<StepResult> results = new ArrayList<>();
        SwitchoverReport report = null;
        boolean stopped = false;
        for (PushStep s : plan.steps()) {
            StepResult r;
            if (stopped) {
                r = new StepResult.NotAttempted(s.box(), s.fromRev());
            } else {
                progress.stepStarting(s);
                if (s.box() == failAt) {
                    r = new StepResult.Failed(s.box(), s.role(), "box " + s.box() + ": its flows changed since the plan"
                            + " was made (409); nothing was deployed to it", true, s.fromRev());
                    stopped = true;
                } else {
                    synchronized (this) {
                        boxes.put(s.box(), s.target());
                    }
                    r = new StepResult.Deployed(s.box(), s.role(), s.fromRev(), s.toRev(), s.advice().type(), 40);
                }
            }
            progress.stepFinished(r);
            results.add(r);
            awaitHold();
            if (switching && s.role() == Role.STANDBY && !stopped) {
                progress.switchoverStarting(s.box().other(), s.box());
                report = new SwitchoverReport(s.box().other(), s.box(), SwitchoverOutcome.completed("switchover complete"),
                        Optional.of(Duration.ofMillis(SWITCHOVER_GAP_MS)), false);
                progress.switchoverFinished(report);
                synchronized (this) {
                    roles.put(s.box(), Role.ACTIVE);
                    roles.put(s.box().other(), Role.STANDBY);
                }
            }
        }
        failAt = null;
        return new PushResult(results, report);
    }

    private void awaitHold() {
        CountDownLatch h = hold;
        if (h != null) {
            hold = null;
            try {
                h.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
