package io.redpair.arbiter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Encoding of frames and the grammar check of one received line. Pure functions; the streaming side
 * (resynchronisation, length and charset limits, counting) is {@link FrameDecoder}.
 */
public final class WireFormat {

    /** Maximum frame length in bytes, including the start character and CR LF. */
    public static final int MAX_FRAME = 160;

    private static final Pattern HEX4 = Pattern.compile("[0-9A-F]{4}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ERROR_CODE = Pattern.compile("E[0-9]{2}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._/:=+-]+");

    private WireFormat() {
    }

    /** The full line, start character to CR LF. Throws if the frame would break the grammar or the length limit. */
    public static String encode(Frame frame) {
        String body = body(frame);
        String line = (frame instanceof Frame.Event ? "!" : "$") + body + "*" + Crc16.hex4(Crc16.of(body)) + "\r\n";
        String problem = parseBody(frame instanceof Frame.Event ? '!' : '$', body).problem();
        if (problem != null || line.length() > MAX_FRAME) {
            throw new IllegalArgumentException("not a valid WDA/1 frame (" + (problem != null ? problem : "longer than " + MAX_FRAME + " bytes") + "): " + line.trim());
        }
        return line;
    }

    public static byte[] encodeBytes(Frame frame) {
        return encode(frame).getBytes(StandardCharsets.US_ASCII);
    }

    private static String body(Frame frame) {
        StringBuilder b = new StringBuilder("1,");
        if (frame instanceof Frame.Command c) {
            b.append(Crc16.hex4(c.seq())).append(',').append(c.verb());
            appendFields(b, c.fields());
        } else if (frame instanceof Frame.Ok ok) {
            b.append(Crc16.hex4(ok.seq())).append(",OK,").append(ok.verb());
            appendFields(b, ok.fields());
        } else if (frame instanceof Frame.Error er) {
            b.append(Crc16.hex4(er.seq())).append(",ER,").append(er.code()).append(",msg=").append(er.msg());
            appendFields(b, er.details());
        } else if (frame instanceof Frame.Event ev) {
            b.append(Crc16.hex4(ev.evseq())).append(",EV,").append(ev.type());
            appendFields(b, ev.fields());
        }
        return b.toString();
    }

    private static void appendFields(StringBuilder b, List<Field> fields) {
        for (Field f : fields) {
            b.append(',').append(f.encode());
        }
    }

    /** Either a frame or the reason the body is not one. */
    public record Parsed(Frame frame, String problem) {
        static Parsed bad(String problem) {
            return new Parsed(null, problem);
        }
    }

    /** Grammar check of the text strictly between the start character and {@code *} (CRC already verified). */
    public static Parsed parseBody(char start, String body) {
        String[] t = body.split(",", -1);
        if (t.length < 3 || !t[0].equals("1")) {
            return Parsed.bad(t.length < 3 ? "too few fields" : "protocol major is not 1");
        }
        if (!HEX4.matcher(t[1]).matches()) {
            return Parsed.bad("sequence '" + t[1] + "' is not 4 uppercase hex digits");
        }
        int seq = Integer.parseInt(t[1], 16);
        if (start == '!') {
            return parseEvent(seq, t);
        }
        if (t[2].equals("OK")) {
            return t.length < 4 || !NAME.matcher(t[3]).matches() ? Parsed.bad("OK reply without a verb")
                    : withFields(t, 4, false, f -> new Frame.Ok(seq, t[3], f));
        }
        if (t[2].equals("ER")) {
            return parseError(seq, t);
        }
        if (!NAME.matcher(t[2]).matches()) {
            return Parsed.bad("verb '" + t[2] + "' is not an uppercase name");
        }
        return withFields(t, 3, t[2].equals("PREP"), f -> new Frame.Command(seq, t[2], f));
    }

    private static Parsed parseEvent(int evseq, String[] t) {
        if (!t[2].equals("EV") || t.length < 4 || !NAME.matcher(t[3]).matches()) {
            return Parsed.bad("event frame without EV,<TYPE>");
        }
        return withFields(t, 4, false, f -> new Frame.Event(evseq, t[3], f));
    }

    private static Parsed parseError(int seq, String[] t) {
        if (t.length < 5 || !ERROR_CODE.matcher(t[3]).matches() || !t[4].startsWith("msg=")
                || !NAME.matcher(t[4].substring(4)).matches()) {
            return Parsed.bad("ER reply without <code>,msg=<NAME>");
        }
        return withFields(t, 5, false, f -> new Frame.Error(seq, t[3], t[4].substring(4), f));
    }

    private static Parsed withFields(String[] t, int from, boolean firstMayBeBare,
            java.util.function.Function<List<Field>, Frame> build) {
        List<Field> fields = new ArrayList<>();
        for (int i = from; i < t.length; i++) {
            int eq = t[i].indexOf('=');
            if (eq < 0 && i == from && firstMayBeBare && NAME.matcher(t[i]).matches()) {
                fields.add(Field.bare(t[i]));
                continue;
            }
            if (eq < 0) {
                return Parsed.bad("field '" + t[i] + "' has no '='");
            }
            String key = t[i].substring(0, eq);
            String value = t[i].substring(eq + 1);
            if (!KEY.matcher(key).matches() || !VALUE.matcher(value).matches()) {
                return Parsed.bad("field '" + t[i] + "' has a key or value outside the allowed characters");
            }
            fields.add(new Field(key, value));
        }
        return new Parsed(build.apply(fields), null);
    }
}
