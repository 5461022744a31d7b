package io.redpair.arbiter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streaming receiver: hunts for {@code $} or {@code !}, collects up to LF, and checks length, charset,
 * CRC and grammar. Never throws on hostile input: every discarded frame becomes a {@link Rejection}
 * with its reason and is counted. A start character inside a frame abandons the partial frame and
 * starts a new one, so a truncated frame never swallows the good frame after it.
 * Not thread-safe: one reader thread owns it.
 */
public final class FrameDecoder {

    /** What the receiver saw: a frame that passed every check, or a rejected one. */
    public sealed interface Result permits Accepted, Rejection {
    }

    public record Accepted(Frame frame) implements Result {
    }

    /** A discarded frame: {@code code} is E01 for a CRC mismatch, E02 for length, charset or grammar. */
    public record Rejection(ErrorCode code, String reason, String raw) implements Result {
        @Override
        public String toString() {
            return "rejected, because " + reason + ": " + raw;
        }
    }

    private final byte[] buf = new byte[WireFormat.MAX_FRAME];
    private int len;
    private boolean collecting;
    private long rejected;
    private long accepted;

    /** Feeds bytes; each complete or discarded frame is handed to {@code out} in order. */
    public void feed(byte[] data, int off, int count, Consumer<Result> out) {
        for (int i = off; i < off + count; i++) {
            Result r = accept(data[i]);
            if (r != null) {
                out.accept(r);
            }
        }
    }

    /** Convenience for tests and tools: decodes everything in {@code data}. */
    public List<Result> feed(byte[] data) {
        List<Result> results = new ArrayList<>();
        feed(data, 0, data.length, results::add);
        return results;
    }

    private Result accept(byte b) {
        if (b == '$' || b == '!') {
            Result abandoned = collecting ? reject(ErrorCode.E02, "a new start character arrived before the end of the frame") : null;
            collecting = true;
            len = 0;
            buf[len++] = b;
            return abandoned;
        }
        if (!collecting) {
            return null; // hunting: noise between frames is discarded silently
        }
        if (len >= WireFormat.MAX_FRAME) {
            return reject(ErrorCode.E02, "longer than " + WireFormat.MAX_FRAME + " bytes");
        }
        buf[len++] = b;
        if (b == '\n') {
            return complete();
        }
        boolean cr = b == '\r';
        if (!cr && (b < 0x20 || b > 0x7E) || len >= 2 && buf[len - 2] == '\r') {
            return reject(ErrorCode.E02, String.format("byte 0x%02X is not allowed here", b & 0xFF));
        }
        return null;
    }

    private Result complete() {
        if (len < 3 || buf[len - 2] != '\r') {
            return reject(ErrorCode.E02, "line not terminated by CR LF");
        }
        int star = len - 7; // "*XXXX" CR LF
        if (star < 1 || buf[star] != '*') {
            return reject(ErrorCode.E02, "missing or short CRC");
        }
        String crcText = new String(buf, star + 1, 4, StandardCharsets.US_ASCII);
        if (!crcText.matches("[0-9A-F]{4}")) {
            return reject(ErrorCode.E02, "CRC '" + crcText + "' is not 4 uppercase hex digits");
        }
        int expected = Crc16.of(buf, 1, star);
        if (Integer.parseInt(crcText, 16) != expected) {
            return reject(ErrorCode.E01, "CRC mismatch (frame says " + crcText + ", bytes give " + Crc16.hex4(expected) + ")");
        }
        String body = new String(buf, 1, star - 1, StandardCharsets.US_ASCII);
        WireFormat.Parsed parsed = WireFormat.parseBody((char) buf[0], body);
        if (parsed.problem() != null) {
            return reject(ErrorCode.E02, parsed.problem());
        }
        collecting = false;
        accepted++;
        return new Accepted(parsed.frame());
    }

    private Rejection reject(ErrorCode code, String reason) {
        String raw = printable(len);
        collecting = false;
        len = 0;
        rejected++;
        return new Rejection(code, reason, raw);
    }

    private String printable(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int c = buf[i] & 0xFF;
            s.append(c >= 0x20 && c <= 0x7E ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return s.toString();
    }

    /** Frames discarded since creation (the device reports this as {@code err}). */
    public long rejectedCount() {
        return rejected;
    }

    public long acceptedCount() {
        return accepted;
    }
}
