package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SELECT, FENCE, UNFENCE, DISARM on the device: only through PREP then EXEC (direct use is E06), refused
 * in LOCAL (E09), with the epoch as fencing token (lower is E05 carrying the current one) and the
 * interlocks (E08). Checks run at PREP and again at EXEC, because power or feedback may change in
 * between. The epoch is persisted before any output moves; if persisting fails nothing moves.
 */
final class DangerousVerbs {

    private static final Logger log = LoggerFactory.getLogger(DangerousVerbs.class);

    private final ArbiterDevice device;

    DangerousVerbs(ArbiterDevice device) {
        this.device = device;
    }

    Frame handle(int seq, ArbiterCommand command) {
        if (device.local) {
            return Frame.Error.of(seq, ErrorCode.E09);
        }
        if (command instanceof ArbiterCommand.Prep p) {
            Frame.Error refusal = check(seq, p.command());
            if (refusal != null) {
                return refusal;
            }
            int nonce = device.gate.prepare(p.command(), device.clock.nanos());
            return new Frame.Ok(seq, "PREP", List.of(Field.of("nonce", Crc16.hex4(nonce)), Field.of("ttl", PrepGate.TTL_MS),
                    Field.of("cmd", p.command().canonical())));
        }
        if (command instanceof ArbiterCommand.Exec e) {
            return exec(seq, e.nonce());
        }
        return Frame.Error.of(seq, ErrorCode.E06); // a dangerous verb sent directly
    }

    private Frame exec(int seq, int nonce) {
        PrepGate.Lookup found = device.gate.lookup(nonce, device.clock.nanos());
        if (found == PrepGate.Lookup.UNKNOWN) {
            return Frame.Error.of(seq, ErrorCode.E06);
        }
        if (found == PrepGate.Lookup.EXPIRED_OR_CANCELLED) {
            return Frame.Error.of(seq, ErrorCode.E11);
        }
        ArbiterCommand.Dangerous command = device.gate.take();
        Frame.Error refusal = check(seq, command);
        return refusal != null ? refusal : execute(seq, command);
    }

    private Frame.Error check(int seq, ArbiterCommand.Dangerous c) {
        if (c.epoch() >= 0 && c.epoch() < device.epoch) {
            return Frame.Error.of(seq, ErrorCode.E05, Field.of("epoch", device.epoch));
        }
        SimulatedHardware hw = device.hardware;
        if (hw.feedback() == ArbiterStatus.RelayFeedback.FAULT) {
            return interlock(seq, "RFB");
        }
        if (c instanceof ArbiterCommand.Select s && s.box() != Selection.NONE) {
            BoxId box = s.box().box();
            if (hw.fenced(box)) {
                return interlock(seq, "FENCED");
            }
            if (!hw.powerSense(box)) {
                return interlock(seq, "NOPOWER");
            }
        }
        return null;
    }

    private static Frame.Error interlock(int seq, String why) {
        return Frame.Error.of(seq, ErrorCode.E08, Field.of("why", why));
    }

    private Frame execute(int seq, ArbiterCommand.Dangerous c) {
        long before = device.epoch;
        device.epoch = Math.max(device.epoch, c.epoch());
        try {
            device.persist(); // the epoch reaches flash before any output moves
        } catch (IOException e) {
            device.epoch = before;
            log.error("arbiter sim: cannot persist epoch {}, nothing moved: {}", c.epoch(), e.toString());
            device.emit(n -> new ArbiterEvent.Fault(n, "FLASH"));
            return interlock(seq, "FLASH");
        }
        Frame.Ok reply = move(seq, c);
        device.watcher().outputsMoved();
        try {
            device.persist();
        } catch (IOException e) {
            log.error("arbiter sim: cannot persist outputs after {}: {}", c.canonical(), e.toString());
        }
        log.info("arbiter sim {}: executed {} (epoch {})", device.identity.serialNumber(), c.canonical(), device.epoch);
        return reply;
    }

    private Frame.Ok move(int seq, ArbiterCommand.Dangerous c) {
        SimulatedHardware hw = device.hardware;
        long epoch = device.epoch;
        long now = device.clock.nanos();
        if (c instanceof ArbiterCommand.Select s) {
            hw.select(s.box());
            device.emit(n -> new ArbiterEvent.Selected(n, hw.selected(), hw.feedback().name(), epoch));
            return new Frame.Ok(seq, "SELECT", List.of(Field.of("sel", hw.selected()), Field.of("rfb", hw.feedback()), Field.of("epoch", epoch)));
        } else if (c instanceof ArbiterCommand.Fence f) {
            hw.fence(f.box(), f.mode(), f.holdMs(), now);
            int p = hw.powerSense(f.box()) ? 1 : 0;
            device.emit(n -> new ArbiterEvent.Fenced(n, f.box(), p == 1, epoch));
            return new Frame.Ok(seq, "FENCE", List.of(Field.of("box", f.box()), Field.of("f" + f.box(), 1),
                    Field.of("p" + f.box(), p), Field.of("epoch", epoch)));
        } else if (c instanceof ArbiterCommand.Unfence u) {
            hw.unfence(u.box());
            device.emit(n -> new ArbiterEvent.Unfenced(n, u.box(), epoch));
            return new Frame.Ok(seq, "UNFENCE", List.of(Field.of("box", u.box()), Field.of("f" + u.box(), 0), Field.of("epoch", epoch)));
        }
        device.disarm();
        return new Frame.Ok(seq, "DISARM", List.of(Field.of("st", device.armState())));
    }
}
