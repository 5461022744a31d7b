package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.util.List;

/**
 * Device events, typed. {@link #critical()} events are re-sent by the device every second with the same
 * evseq until the host ACKs them. A frame whose type is unknown, or whose fields are malformed, becomes
 * {@link Other} rather than an error: newer firmware may add events.
 */
public sealed interface ArbiterEvent {

    int evseq();

    /** HOSTLOST, FAULT, PWR with p=0 and BEAT with state=LOST need an ACK. */
    default boolean critical() {
        return this instanceof HostLost || this instanceof Fault
                || this instanceof PowerChanged p && !p.powered() || this instanceof Beat b && b.lost();
    }

    record Boot(int evseq, String resetCause, Selection selected, long epoch, String firmware) implements ArbiterEvent {
    }

    record HostLost(int evseq, Selection selected) implements ArbiterEvent {
    }

    record Selected(int evseq, Selection selected, String feedback, long epoch) implements ArbiterEvent {
    }

    record Fenced(int evseq, BoxId box, boolean powered, long epoch) implements ArbiterEvent {
    }

    record Unfenced(int evseq, BoxId box, long epoch) implements ArbiterEvent {
    }

    record PowerChanged(int evseq, BoxId box, boolean powered) implements ArbiterEvent {
    }

    record Beat(int evseq, BoxId box, boolean lost) implements ArbiterEvent {
    }

    record Fault(int evseq, String code) implements ArbiterEvent {
    }

    record ModeChanged(int evseq, boolean local) implements ArbiterEvent {
    }

    /** An event this host does not know (or could not read); still ACKed by the link if it looks critical. */
    record Other(int evseq, Frame.Event frame) implements ArbiterEvent {
    }

    /** Never throws: unknown or malformed events become {@link Other}. */
    static ArbiterEvent parse(Frame.Event ev) {
        try {
            return typed(ev);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Other(ev.evseq(), ev);
        }
    }

    private static ArbiterEvent typed(Frame.Event ev) {
        int n = ev.evseq();
        switch (ev.type()) {
            case "BOOT": return new Boot(n, req(ev, "rst"), Selection.valueOf(req(ev, "sel")), Long.parseLong(req(ev, "epoch")), req(ev, "fw"));
            case "HOSTLOST": return new HostLost(n, Selection.valueOf(req(ev, "sel")));
            case "SELECTED": return new Selected(n, Selection.valueOf(req(ev, "sel")), req(ev, "rfb"), Long.parseLong(req(ev, "epoch")));
            case "FENCED": {
                BoxId box = BoxId.valueOf(req(ev, "box"));
                return new Fenced(n, box, "1".equals(req(ev, "p" + box)), Long.parseLong(req(ev, "epoch")));
            }
            case "UNFENCED": return new Unfenced(n, BoxId.valueOf(req(ev, "box")), Long.parseLong(req(ev, "epoch")));
            case "PWR": return new PowerChanged(n, BoxId.valueOf(req(ev, "box")), "1".equals(req(ev, "p")));
            case "BEAT": return new Beat(n, BoxId.valueOf(req(ev, "box")), "LOST".equals(req(ev, "state")));
            case "FAULT": return new Fault(n, req(ev, "code"));
            case "MODE": return new ModeChanged(n, "LOCAL".equals(req(ev, "mode")));
            default: return new Other(n, ev);
        }
    }

    private static String req(Frame.Event ev, String key) {
        String v = ev.get(key);
        if (v == null) {
            throw new IllegalArgumentException("event " + ev.type() + " lacks " + key);
        }
        return v;
    }

    /** The wire form of a typed event (the device side builds its frames through this). */
    static Frame.Event toFrame(ArbiterEvent e) {
        if (e instanceof Boot b) {
            return frame(b.evseq(), "BOOT", Field.of("rst", b.resetCause()), Field.of("sel", b.selected()), Field.of("epoch", b.epoch()), Field.of("fw", b.firmware()));
        } else if (e instanceof HostLost h) {
            return frame(h.evseq(), "HOSTLOST", Field.of("sel", h.selected()));
        } else if (e instanceof Selected s) {
            return frame(s.evseq(), "SELECTED", Field.of("sel", s.selected()), Field.of("rfb", s.feedback()), Field.of("epoch", s.epoch()));
        } else if (e instanceof Fenced f) {
            return frame(f.evseq(), "FENCED", Field.of("box", f.box()), Field.of("p" + f.box(), f.powered() ? 1 : 0), Field.of("epoch", f.epoch()));
        } else if (e instanceof Unfenced u) {
            return frame(u.evseq(), "UNFENCED", Field.of("box", u.box()), Field.of("epoch", u.epoch()));
        } else if (e instanceof PowerChanged p) {
            return frame(p.evseq(), "PWR", Field.of("box", p.box()), Field.of("p", p.powered() ? 1 : 0));
        } else if (e instanceof Beat b) {
            return frame(b.evseq(), "BEAT", Field.of("box", b.box()), Field.of("state", b.lost() ? "LOST" : "OK"));
        } else if (e instanceof Fault f) {
            return frame(f.evseq(), "FAULT", Field.of("code", f.code()));
        } else if (e instanceof ModeChanged m) {
            return frame(m.evseq(), "MODE", Field.of("mode", m.local() ? "LOCAL" : "REMOTE"));
        }
        return ((Other) e).frame();
    }

    private static Frame.Event frame(int evseq, String type, Field... fields) {
        return new Frame.Event(evseq, type, List.of(fields));
    }
}
