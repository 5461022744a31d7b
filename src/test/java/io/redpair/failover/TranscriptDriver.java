package io.redpair.failover;

import io.redpair.failover.PairCommand.FenceBox;
import io.redpair.failover.PairCommand.PersistEpoch;
import io.redpair.failover.PairCommand.RaiseAlarm;
import io.redpair.failover.PairCommand.RecordNote;
import io.redpair.failover.PairCommand.SelectOutput;
import io.redpair.failover.PairCommand.StartFlows;
import io.redpair.failover.PairCommand.StopFlows;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executes transcript directives against a {@link Decider} and renders the result. Directives (times in
 * milliseconds since the script's zero, {@code at=} on every event):
 * <pre>
 * policy [intervalMs=] [missedBeats=] [autoFailover=] [holdDownS=] [startupGraceMs=] [preferred=A|B] [fencing=arbiter|api-only]
 * init epoch=N [active=A|B] [lastAutoFailover=T] at=T   (lastAutoFailover: journalled by an earlier run)
 * observe A|B CONDITION [detail="..."] at=T
 * tick at=T
 * complete stop|start|fence|select A|B ok|fail [detail="..."] at=T     (answers the latest such command emitted)
 * arbiter link=up|down [powerA=1] [powerB=1] [hbA=MS] [hbB=MS] [selected=A|B] [fencedA=0] [fencedB=0] [epoch=N] at=T
 * reject fence|select A|B arbiterEpoch=N at=T                (E05 for the latest such command)
 * switchover [to=A|B] user=U at=T
 * confirm-off A|B user=U [reason="..."] at=T
 * maintenance for=MS user=U at=T
 * maintenance-end user=U at=T
 * </pre>
 */
final class TranscriptDriver {

    private static final Pattern TOKEN = Pattern.compile("(\\w[\\w-]*=\"[^\"]*\"|\\S+)");

    private Policy policy = Policy.defaults();
    private BoxId preferred = BoxId.A;
    private Decider decider;
    private PairState state;
    private final List<PairCommand> emitted = new ArrayList<>();

    String run(String directive) {
        Step step = step(directive);
        return step == null ? "ok\n" : render(step);
    }

    /** Executes a directive; null for {@code policy}, which only configures. */
    Step step(String directive) {
        List<String> words = new ArrayList<>();
        Map<String, String> args = new HashMap<>();
        Matcher m = TOKEN.matcher(directive);
        while (m.find()) {
            String t = m.group(1);
            int eq = t.indexOf('=');
            if (eq > 0) {
                args.put(t.substring(0, eq), t.substring(eq + 1).replace("\"", ""));
            } else {
                words.add(t);
            }
        }
        String verb = words.get(0);
        if (verb.equals("policy")) {
            configure(args);
            return null;
        }
        long now = Long.parseLong(args.getOrDefault("at", "0")) * 1_000_000L;
        if (verb.equals("init")) {
            decider = new Decider("line1", policy, preferred);
            java.util.OptionalLong lastAuto = args.containsKey("lastAutoFailover")
                    ? java.util.OptionalLong.of(Long.parseLong(args.get("lastAutoFailover")) * 1_000_000L)
                    : java.util.OptionalLong.empty();
            state = decider.initial(Long.parseLong(args.get("epoch")), box(args.get("active")), lastAuto, now);
            return new Step(state, List.of());
        }
        Step step = decider.step(state, event(verb, words, args, now), now);
        state = step.state();
        emitted.addAll(step.commands());
        return step;
    }

    private void configure(Map<String, String> a) {
        policy = new Policy(Integer.parseInt(a.getOrDefault("intervalMs", "250")),
                Integer.parseInt(a.getOrDefault("missedBeats", "4")),
                Boolean.parseBoolean(a.getOrDefault("autoFailover", "true")),
                Integer.parseInt(a.getOrDefault("holdDownS", "600")),
                Integer.parseInt(a.getOrDefault("startupGraceMs", "3000")),
                a.getOrDefault("fencing", "api-only").equals("arbiter") ? Policy.Fencing.ARBITER : Policy.Fencing.API_ONLY);
        preferred = BoxId.valueOf(a.getOrDefault("preferred", "A"));
    }

    private PairEvent event(String verb, List<String> w, Map<String, String> a, long now) {
        return switch (verb) {
            case "observe" -> new PairEvent.BoxObserved(box(w.get(1)), BoxCondition.valueOf(w.get(2)), a.get("detail"));
            case "tick" -> new PairEvent.Tick();
            case "complete" -> new PairEvent.CommandCompleted(latest(w.get(1), box(w.get(2))), w.get(3).equals("ok"),
                    a.get("detail"));
            case "switchover" -> new PairEvent.SwitchoverRequested(box(a.get("to")), a.get("user"));
            case "confirm-off" -> new PairEvent.OperatorConfirmedOff(box(w.get(1)), a.get("user"), a.get("reason"));
            case "maintenance" -> new PairEvent.MaintenanceRequested(now + Long.parseLong(a.get("for")) * 1_000_000L,
                    a.get("user"));
            case "maintenance-end" -> new PairEvent.MaintenanceEnded(a.get("user"));
            case "arbiter" -> new PairEvent.ArbiterObserved(arbiterView(a));
            case "reject" -> new PairEvent.ArbiterEpochRejected(latest(w.get(1), box(w.get(2))),
                    Long.parseLong(a.get("arbiterEpoch")));
            default -> throw new IllegalArgumentException("unknown directive " + verb);
        };
    }

    private static ArbiterView arbiterView(Map<String, String> a) {
        return new ArbiterView(a.get("link").equals("up"), !a.getOrDefault("powerA", "1").equals("0"),
                !a.getOrDefault("powerB", "1").equals("0"), Long.parseLong(a.getOrDefault("hbA", "100")),
                Long.parseLong(a.getOrDefault("hbB", "100")), box(a.get("selected")),
                a.getOrDefault("fencedA", "0").equals("1"), a.getOrDefault("fencedB", "0").equals("1"),
                Long.parseLong(a.getOrDefault("epoch", "0")));
    }

    private PairCommand latest(String kind, BoxId box) {
        for (int i = emitted.size() - 1; i >= 0; i--) {
            PairCommand c = emitted.get(i);
            if (kind.equals(kindOf(c)) && box.equals(boxOf(c))) {
                return c;
            }
        }
        return switch (kind) {
            case "stop" -> new StopFlows(box, state.epoch());
            case "start" -> new StartFlows(box, state.epoch());
            case "fence" -> new FenceBox(box, state.epoch());
            default -> new SelectOutput(box, state.epoch());
        };
    }

    private static String kindOf(PairCommand c) {
        return c instanceof StopFlows ? "stop" : c instanceof StartFlows ? "start" : c instanceof FenceBox ? "fence"
                : c instanceof SelectOutput ? "select" : "";
    }

    private static BoxId boxOf(PairCommand c) {
        if (c instanceof StopFlows s) {
            return s.box();
        } else if (c instanceof StartFlows s) {
            return s.box();
        } else if (c instanceof FenceBox f) {
            return f.box();
        } else if (c instanceof SelectOutput s) {
            return s.box();
        }
        return null;
    }

    private static BoxId box(String s) {
        return s == null ? null : BoxId.valueOf(s);
    }

    static String render(Step step) {
        PairState s = step.state();
        StringBuilder out = new StringBuilder();
        out.append(s.mode()).append(" active=").append(s.active() == null ? "-" : s.active())
                .append(" epoch=").append(s.epoch());
        if (s.step() != FailoverStep.NONE) {
            out.append(" step=").append(s.step()).append(" target=").append(s.target());
        }
        out.append(" A=").append(s.condition(BoxId.A)).append(" B=").append(s.condition(BoxId.B)).append('\n');
        out.append("reason: ").append(s.reason()).append('\n');
        step.commands().forEach(c -> out.append("> ").append(command(c)).append('\n'));
        return out.toString();
    }

    static String command(PairCommand c) {
        if (c instanceof PersistEpoch p) {
            return "PersistEpoch " + p.epoch();
        } else if (c instanceof StopFlows s) {
            return "StopFlows " + s.box() + " epoch=" + s.epoch();
        } else if (c instanceof StartFlows s) {
            return "StartFlows " + s.box() + " epoch=" + s.epoch();
        } else if (c instanceof FenceBox f) {
            return "FenceBox " + f.box() + " epoch=" + f.epoch();
        } else if (c instanceof SelectOutput s) {
            return "SelectOutput " + s.box() + " epoch=" + s.epoch();
        } else if (c instanceof RaiseAlarm a) {
            return "RaiseAlarm \"" + a.text() + "\"";
        } else if (c instanceof RecordNote n) {
            return "RecordNote " + n.type() + " \"" + n.text() + "\"";
        }
        return c.toString();
    }
}
