package io.redpair.arbiter;

import java.util.List;

/**
 * A syntactically valid WDA/1 frame (CRC and grammar checked). Semantics (known verb, valid
 * arguments) are checked later by {@link ArbiterCommand#parse}; the codec only guarantees that
 * decoding then encoding gives back the same bytes.
 */
public sealed interface Frame permits Frame.Command, Frame.Ok, Frame.Error, Frame.Event {

    /** Sequence of a reply the device sends for a frame it could not read; the host treats it as diagnostics only. */
    int DIAGNOSTIC_SEQ = 0xFFFF;

    /** {@code $1,<seq>,<VERB>[,<field>...]}: host to device. */
    record Command(int seq, String verb, List<Field> fields) implements Frame {
        public Command {
            fields = List.copyOf(fields);
        }
    }

    /** {@code $1,<seq>,OK,<VERB>[,<field>...]}. */
    record Ok(int seq, String verb, List<Field> fields) implements Frame {
        public Ok {
            fields = List.copyOf(fields);
        }

        public String get(String key) {
            return Field.find(fields, key).orElse(null);
        }
    }

    /** {@code $1,<seq>,ER,<code>,msg=<NAME>[,<field>...]}; {@code details} are the fields after msg. */
    record Error(int seq, String code, String msg, List<Field> details) implements Frame {
        public Error {
            details = List.copyOf(details);
        }

        public static Error of(int seq, ErrorCode code, Field... details) {
            return new Error(seq, code.name(), code.msg(), List.of(details));
        }

        /** The known error code, or null for a code this host does not know. */
        public ErrorCode errorCode() {
            return ErrorCode.fromWire(code).orElse(null);
        }
    }

    /** {@code !1,<evseq>,EV,<TYPE>[,<field>...]}: device to host, unsolicited. */
    record Event(int evseq, String type, List<Field> fields) implements Frame {
        public Event {
            fields = List.copyOf(fields);
        }

        public String get(String key) {
            return Field.find(fields, key).orElse(null);
        }
    }
}
