package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.util.List;

/**
 * Device-side semantics of a command frame: known verb (else E03), required fields present and in
 * range (else E04). Unknown fields are ignored, as the versioning rule requires.
 */
public final class CommandParser {

    /** Either a command or the refusal to send back. */
    public record Parsed(ArbiterCommand command, ErrorCode error, String detail) {
        static Parsed ok(ArbiterCommand c) {
            return new Parsed(c, null, null);
        }
    }

    /** Thrown internally for a missing or malformed field; turned into E04. */
    private static final class BadArg extends Exception {
        BadArg(String message) {
            super(message, null, false, false);
        }
    }

    private CommandParser() {
    }

    public static Parsed parse(Frame.Command frame) {
        try {
            if (frame.verb().equals("PREP")) {
                return parsePrep(frame.fields());
            }
            ArbiterCommand c = parseVerb(frame.verb(), frame.fields());
            return c == null ? new Parsed(null, ErrorCode.E03, frame.verb()) : Parsed.ok(c);
        } catch (BadArg e) {
            return new Parsed(null, ErrorCode.E04, e.getMessage());
        }
    }

    private static Parsed parsePrep(List<Field> fields) throws BadArg {
        if (fields.isEmpty() || !fields.get(0).isBare()) {
            throw new BadArg("PREP needs the verb as its first field");
        }
        ArbiterCommand inner = parseVerb(fields.get(0).key(), fields.subList(1, fields.size()));
        if (inner == null) {
            return new Parsed(null, ErrorCode.E03, fields.get(0).key());
        }
        if (!(inner instanceof ArbiterCommand.Dangerous d)) {
            throw new BadArg("only SELECT, FENCE, UNFENCE and DISARM are prepared");
        }
        return Parsed.ok(new ArbiterCommand.Prep(d));
    }

    private static ArbiterCommand parseVerb(String verb, List<Field> f) throws BadArg {
        switch (verb) {
            case "HELLO": return new ArbiterCommand.Hello(intIn(f, "min", 0, 99), intIn(f, "max", 0, 99), text(f, "host"));
            case "STATUS": return new ArbiterCommand.Status();
            case "KICK": return new ArbiterCommand.Kick();
            case "ARM":
                if (!text(f, "policy").equals("HOLD")) {
                    throw new BadArg("policy must be HOLD");
                }
                return new ArbiterCommand.Arm(intIn(f, "host_to", 1000, 60000));
            case "SELECT": return new ArbiterCommand.Select(selection(f), epoch(f));
            case "FENCE": return fence(f);
            case "UNFENCE": return new ArbiterCommand.Unfence(box(f), epoch(f));
            case "DISARM": return new ArbiterCommand.Disarm();
            case "EXEC": return new ArbiterCommand.Exec(hex(f, "nonce"));
            case "CANCEL": return new ArbiterCommand.Cancel();
            case "ACK": return new ArbiterCommand.Ack(hex(f, "ev"));
            case "LOG": return new ArbiterCommand.Log(hex(f, "from"));
            default: return null;
        }
    }

    private static ArbiterCommand.Fence fence(List<Field> f) throws BadArg {
        BoxId box = box(f);
        String mode = text(f, "mode");
        if (mode.equals("OFF")) {
            return new ArbiterCommand.Fence(box, FenceMode.OFF, 0, epoch(f));
        }
        if (mode.equals("CYCLE")) {
            return new ArbiterCommand.Fence(box, FenceMode.CYCLE, intIn(f, "hold", 100, 60000), epoch(f));
        }
        throw new BadArg("mode must be OFF or CYCLE");
    }

    private static String text(List<Field> f, String key) throws BadArg {
        return Field.find(f, key).orElseThrow(() -> new BadArg("missing " + key));
    }

    private static int intIn(List<Field> f, String key, int min, int max) throws BadArg {
        String v = text(f, key);
        if (!v.matches("[0-9]{1,6}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            throw new BadArg(key + " must be a number " + min + ".." + max);
        }
        return Integer.parseInt(v);
    }

    private static int hex(List<Field> f, String key) throws BadArg {
        String v = text(f, key);
        if (!v.matches("[0-9A-F]{4}")) {
            throw new BadArg(key + " must be 4 uppercase hex digits");
        }
        return Integer.parseInt(v, 16);
    }

    private static long epoch(List<Field> f) throws BadArg {
        String v = text(f, "epoch");
        if (!v.matches("[0-9]{1,18}")) {
            throw new BadArg("epoch must be a decimal number");
        }
        return Long.parseLong(v);
    }

    private static BoxId box(List<Field> f) throws BadArg {
        String v = text(f, "box");
        if (!v.equals("A") && !v.equals("B")) {
            throw new BadArg("box must be A or B");
        }
        return BoxId.valueOf(v);
    }

    private static Selection selection(List<Field> f) throws BadArg {
        String v = text(f, "box");
        if (!v.equals("A") && !v.equals("B") && !v.equals("NONE")) {
            throw new BadArg("box must be A, B or NONE");
        }
        return Selection.valueOf(v);
    }
}
