package io.redpair.supervisor.fault;

import static io.redpair.supervisor.fault.FailoverBenchmark.first;
import static io.redpair.supervisor.fault.FailoverBenchmark.ms;
import static io.redpair.supervisor.fault.FailoverBenchmark.p;

import io.redpair.arbiter.CommandResult;
import io.redpair.failover.Mode;
import io.redpair.failover.PairState;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.fault.FailoverBenchmark.Timed;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.ObserverReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MTTR of each way the active can fail under {@code fencing: arbiter} (real Node-RED boxes, the simulator behind
 * a socat pty, the observer), split into phases, side by side with SIGKILL under {@code api-only} and a cold
 * restart of the same Node-RED, all measured in one run. A benchmark, not a test (surefire skips *Benchmark):
 * <pre>./mvnw -B -o test -Dtest=ArbiterFailoverBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dredpair.bench.runs=5]
 *     [-Dredpair.bench.faults=HUNG,POWER_OFF_LAN_SILENT]</pre>
 * Phases, from the fault injection (or the switchover request): detect (until the decision), fence/stop (FENCE
 * PREP/EXEC and the STATUS read-back showing fenced and power 0, or the graceful API stop verified), select
 * (SELECT PREP/EXEC and relay feedback read back), start (POST start on the new active until the observer's
 * first canary answer). They add up to the observer's MTTR; gap = the old active's last answer to the new
 * one's first (the observer's, for the fault rows this includes the detection).
 * Policy: 250 ms × 4 (1 s deadline), hold-down 0 so that consecutive failovers are allowed.
 */
class ArbiterFailoverBenchmark {

    private static final int RUNS = Integer.getInteger("redpair.bench.runs", 5);
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    /** How the active fails. */
    private enum Fault {
        SIGKILL("SIGKILL (process gone)"),
        POWER_OFF("powered off: pA=0, beat silent, killed"),
        POWER_OFF_LAN_SILENT("powered off, LAN silent (frozen)"),
        HUNG("runtime hung: SIGSTOP"),
        SWITCHOVER("planned switchover (graceful stop)");

        final String words;

        Fault(String words) {
            this.words = words;
        }
    }

    /** Milliseconds per phase and run. */
    private static final class Phases {
        final long[] detect = new long[RUNS];
        final long[] safe = new long[RUNS];
        final long[] select = new long[RUNS];
        final long[] start = new long[RUNS];
        final long[] mttr = new long[RUNS];
        final long[] gap = new long[RUNS];
    }

    private final List<String> table = new ArrayList<>();

    @Test
    void arbiterPathsSideBySideWithSigkillAndColdRestart() throws Exception {
        table.add(String.format(Locale.ROOT, "%-34s %-8s | %-11s %-11s %-11s %-11s | %-11s %-11s",
                "fault (runs " + RUNS + ")", "fencing", "detect", "fence/stop", "select", "start+beat", "MTTR", "gap"));
        apiOnlyBaseline();
        arbiterPaths();
        System.out.println("\n==== ArbiterFailoverBenchmark (p50 / p95 ms) ====");
        table.forEach(System.out::println);
    }

    private void apiOnlyBaseline() throws Exception {
        Policy policy = new Policy(250, 4, true, 0, 3000, Policy.Fencing.API_ONLY);
        Path labDir = Files.createDirectories(dir.resolve("api-only"));
        long[] cold = new long[RUNS];
        try (FaultLab lab = FaultLab.start(boxes, labDir, BoxOptions.defaults(), policy).observe().supervise()) {
            List<Timed> timed = subscribe(lab);
            Phases ph = new Phases();
            for (int run = 0; run < RUNS; run++) {
                measure(lab, null, timed, Fault.SIGKILL, ph, run);
            }
            row(Fault.SIGKILL, "api-only", ph);
            lab.assertNoDualActive("bench-api-only"); // before the cold restarts, which run a second box on purpose
            NodeRedProcess spare = lab.process(lab.state().active().other());
            lab.stopSupervising(); // else the restarted box would be a split brain that RedPair resolves
            for (int run = 0; run < RUNS; run++) {
                cold[run] = FailoverBenchmark.coldRestart(spare);
            }
        }
        table.add(String.format(Locale.ROOT, "%-34s %-8s | %-11s %-11s %-11s %-11s | %-11s", "cold restart, same Node-RED",
                "-", "", "", "", "", p(cold)));
    }

    private void arbiterPaths() throws Exception {
        Policy policy = new Policy(250, 4, true, 0, 3000, Policy.Fencing.ARBITER);
        Path labDir = Files.createDirectories(dir.resolve("arbiter"));
        try (FaultLab lab = FaultLab.start(boxes, labDir, BoxOptions.defaults(), policy);
             ArbiterLab arb = ArbiterLab.start(labDir, lab)) {
            lab.observe().superviseWithArbiter(arb.newPort());
            List<Timed> timed = subscribe(lab);
            for (Fault fault : faults()) {
                Phases ph = new Phases();
                for (int run = 0; run < RUNS; run++) {
                    measure(lab, arb, timed, fault, ph, run);
                }
                row(fault, "arbiter", ph);
            }
            lab.assertNoDualActive("bench-arbiter");
        }
    }

    /** {@code -Dredpair.bench.faults=HUNG,POWER_OFF} measures only those (default: all). */
    private static List<Fault> faults() {
        String only = System.getProperty("redpair.bench.faults", "");
        return only.isBlank() ? List.of(Fault.values())
                : java.util.Arrays.stream(only.split(",")).map(String::trim).map(Fault::valueOf).toList();
    }

    private static List<Timed> subscribe(FaultLab lab) {
        List<Timed> timed = new CopyOnWriteArrayList<>();
        lab.supervisor.subscribe(Runnable::run, e -> timed.add(new Timed(System.nanoTime(), e)));
        return timed;
    }

    /** One failure of the active, the takeover measured, then the failed box back as the standby. */
    private void measure(FaultLab lab, ArbiterLab arb, List<Timed> timed, Fault fault, Phases ph, int run)
            throws Exception {
        PairState before = lab.await("protected", s -> s.mode() == Mode.PROTECTED
                && (arb == null || s.arbiter().linkUp()), SETTLE);
        BoxId victim = before.active();
        BoxId heir = victim.other();
        timed.clear();
        long t0 = lab.observer.mark(fault + " " + victim);
        if (fault == Fault.SWITCHOVER) {
            lab.supervisor.handle(new ControlRequest(null, ControlRequest.SWITCHOVER, FaultLab.PAIR, heir.name(), null,
                    null, null, null, "bench", "lab"));
        } else {
            inject(fault, lab.process(victim), arb, victim);
        }
        lab.await("running on " + heir, s -> ArbiterFaultFixture.runningOn(s, heir), SETTLE);
        lab.observer.awaitServing(heir.name(), t0, 10_000);
        ObserverReport report = lab.observer.report();
        long served = report.firstServingAfter(heir.name(), t0).orElseThrow();
        long decided = first(timed, e -> e instanceof SupervisorEvent.StateChanged s
                && (s.to() == Mode.FAILING_OVER || s.to() == Mode.SWITCHING_OVER));
        long safe = Math.max(finished(timed, "fence", victim), finished(timed, "stop-flows", victim));
        long selected = finished(timed, "select-output", heir);
        long afterSafe = safe < 0 ? decided : safe;
        long afterSelect = selected < 0 ? afterSafe : selected;
        ph.detect[run] = ms(decided - t0);
        ph.safe[run] = ms(afterSafe - decided);
        ph.select[run] = ms(afterSelect - afterSafe);
        ph.start[run] = ms(served - afterSelect);
        ph.mttr[run] = ms(served - t0);
        ph.gap[run] = ms(served - report.lastServingBefore(victim.name(), served).orElse(t0));
        if (fault == Fault.SWITCHOVER) {
            return; // the old active is the standby already
        }
        recover(lab, arb, victim, heir);
    }

    private static long finished(List<Timed> timed, String command, BoxId box) {
        return first(timed, e -> e instanceof SupervisorEvent.CommandFinished c && c.ok() && c.command().equals(command)
                && c.box() == box);
    }

    private static void inject(Fault fault, NodeRedProcess victim, ArbiterLab arb, BoxId box) throws Exception {
        if (fault == Fault.POWER_OFF || fault == Fault.POWER_OFF_LAN_SILENT) {
            arb.cutSupply(box); // power sense 0; the heartbeat line needs power, so it falls silent too
        }
        if (fault == Fault.POWER_OFF_LAN_SILENT || fault == Fault.HUNG) {
            victim.freeze();
        } else {
            victim.kill();
        }
    }

    /** Unfence and power the failed box, boot it through the boot guard (flows stopped): the new standby. */
    private static void recover(FaultLab lab, ArbiterLab arb, BoxId victim, BoxId heir) throws Exception {
        NodeRedProcess p = lab.process(victim);
        if (arb != null) {
            if (arb.sim.fenced(victim)) {
                CommandResult r = arb.link.unfence(victim, arb.sim.epoch()).get(5, TimeUnit.SECONDS);
                if (!r.isDone()) {
                    throw new AssertionError("UNFENCE " + victim + ": " + r.describe());
                }
            }
            arb.restoreSupply(victim);
        }
        if (ArbiterLab.alive(p)) {
            p.kill(); // a frozen box that was not fenced (only if a takeover went another way)
        }
        FaultLab.bootGuard(p);
        p.restart();
        lab.await("protected by " + heir, s -> s.mode() == Mode.PROTECTED && s.active() == heir, SETTLE);
    }

    private void row(Fault fault, String fencing, Phases ph) {
        table.add(String.format(Locale.ROOT, "%-34s %-8s | %-11s %-11s %-11s %-11s | %-11s %-11s", fault.words,
                fencing, p(ph.detect), p(ph.safe), p(ph.select), p(ph.start), p(ph.mttr), p(ph.gap)));
    }
}
