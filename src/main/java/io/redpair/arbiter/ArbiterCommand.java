package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.util.ArrayList;
import java.util.List;

/**
 * The WDA/1 verbs as typed records. {@link #fields()} gives the wire fields in the spec's order;
 * {@link CommandParser#parse} is the inverse used by the device (unknown fields are ignored, missing or
 * out-of-range ones are E04, unknown verbs E03).
 */
public sealed interface ArbiterCommand {

    String verb();

    List<Field> fields();

    default Frame.Command toFrame(int seq) {
        return new Frame.Command(seq, verb(), fields());
    }

    /** SELECT, FENCE, UNFENCE and DISARM: accepted only through PREP then EXEC. */
    sealed interface Dangerous extends ArbiterCommand permits Select, Fence, Unfence, Disarm {
        /** The epoch the command carries, or -1 for DISARM (which has none). */
        long epoch();

        /** {@code VERB/key=value/...}: what PREP echoes in {@code cmd} so the host can check it was understood. */
        default String canonical() {
            StringBuilder b = new StringBuilder(verb());
            for (Field f : fields()) {
                b.append('/').append(f.encode());
            }
            return b.toString();
        }
    }

    record Hello(int min, int max, String host) implements ArbiterCommand {
        public String verb() { return "HELLO"; }
        public List<Field> fields() { return List.of(Field.of("min", min), Field.of("max", max), Field.of("host", host)); }
    }

    record Status() implements ArbiterCommand {
        public String verb() { return "STATUS"; }
        public List<Field> fields() { return List.of(); }
    }

    record Kick() implements ArbiterCommand {
        public String verb() { return "KICK"; }
        public List<Field> fields() { return List.of(); }
    }

    record Arm(int hostTimeoutMs) implements ArbiterCommand {
        public String verb() { return "ARM"; }
        public List<Field> fields() { return List.of(Field.of("host_to", hostTimeoutMs), Field.of("policy", "HOLD")); }
    }

    record Select(Selection box, long epoch) implements Dangerous {
        public String verb() { return "SELECT"; }
        public List<Field> fields() { return List.of(Field.of("box", box), Field.of("epoch", epoch)); }
    }

    /** {@code holdMs} is only sent for CYCLE. */
    record Fence(BoxId box, FenceMode mode, int holdMs, long epoch) implements Dangerous {
        public String verb() { return "FENCE"; }
        public List<Field> fields() {
            List<Field> f = new ArrayList<>(List.of(Field.of("box", box), Field.of("mode", mode)));
            if (mode == FenceMode.CYCLE) {
                f.add(Field.of("hold", holdMs));
            }
            f.add(Field.of("epoch", epoch));
            return f;
        }
    }

    record Unfence(BoxId box, long epoch) implements Dangerous {
        public String verb() { return "UNFENCE"; }
        public List<Field> fields() { return List.of(Field.of("box", box), Field.of("epoch", epoch)); }
    }

    record Disarm() implements Dangerous {
        public String verb() { return "DISARM"; }
        public List<Field> fields() { return List.of(); }
        public long epoch() { return -1; }
    }

    record Prep(Dangerous command) implements ArbiterCommand {
        public String verb() { return "PREP"; }
        public List<Field> fields() {
            List<Field> f = new ArrayList<>();
            f.add(Field.bare(command.verb()));
            f.addAll(command.fields());
            return f;
        }
    }

    record Exec(int nonce) implements ArbiterCommand {
        public String verb() { return "EXEC"; }
        public List<Field> fields() { return List.of(Field.of("nonce", Crc16.hex4(nonce))); }
    }

    record Cancel() implements ArbiterCommand {
        public String verb() { return "CANCEL"; }
        public List<Field> fields() { return List.of(); }
    }

    record Ack(int evseq) implements ArbiterCommand {
        public String verb() { return "ACK"; }
        public List<Field> fields() { return List.of(Field.of("ev", Crc16.hex4(evseq))); }
    }

    record Log(int from) implements ArbiterCommand {
        public String verb() { return "LOG"; }
        public List<Field> fields() { return List.of(Field.of("from", Crc16.hex4(from))); }
    }
}
