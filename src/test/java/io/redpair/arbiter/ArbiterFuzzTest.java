package io.redpair.arbiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.redpair.pair.BoxId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: random bytes, bit flips, truncation, merged frames, overlong lines and replayed old
 * frames, fed to the decoder and to the simulator's input. Nothing may throw or hang, and no input that
 * is not a fully valid, fresh PREP+EXEC may move an output. The number of inputs tried is printed.
 */
class ArbiterFuzzTest {

    private static final long SEED = 0x5EED_2026L;
    private static final int ROUNDS = 15_000;

    @Test
    void decoderSurvivesHostileBytesAndAcceptsNoCorruptedFrame() {
        Random rnd = new Random(SEED);
        List<byte[]> corpus = validFrames();
        long[] inputs = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            FrameDecoder decoder = new FrameDecoder();
            for (int i = 0; i < ROUNDS; i++) {
                byte[] frame = corpus.get(rnd.nextInt(corpus.size()));
                byte[] flipped = flipBits(frame, 1 + rnd.nextInt(2), rnd);
                assertThat(new FrameDecoder().feed(flipped)).as("bit flips of %s", new String(frame, StandardCharsets.US_ASCII))
                        .noneMatch(r -> r instanceof FrameDecoder.Accepted);
                decoder.feed(randomBytes(rnd, 1 + rnd.nextInt(300)));
                decoder.feed(truncate(frame, rnd));
                decoder.feed(overlong(rnd));
                inputs[0] += 4;
            }
        });
        System.out.printf("decoder fuzz: %,d inputs (seed %X), no exception, no corrupted frame accepted%n", inputs[0], SEED);
    }

    @Test
    void simulatorInputNeverActuatesOnAnythingButAFreshValidPrepExec() throws Exception {
        Random rnd = new Random(SEED + 1);
        DeviceHarness h = new DeviceHarness(null);
        List<byte[]> history = new ArrayList<>();
        h.sent.clear();
        recordSession(h, history);
        long actuations = h.device.hardware().actuations();
        assertThat(actuations).as("the legitimate session moved outputs").isPositive();
        long[] inputs = {0};

        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < ROUNDS; i++) {
                byte[] old = history.get(rnd.nextInt(history.size()));
                feed(h, randomBytes(rnd, 1 + rnd.nextInt(200)));
                feed(h, flipBits(old, 1 + rnd.nextInt(3), rnd));
                feed(h, truncate(old, rnd));
                feed(h, merged(old, history.get(rnd.nextInt(history.size()))));
                feed(h, overlong(rnd));
                feed(h, old); // exact replay of a frame sent earlier in the session
                inputs[0] += 6;
                if (i % 500 == 0) {
                    h.clock.advanceMs(rnd.nextInt(4000));
                    h.device.tick();
                }
            }
        });
        System.out.printf("simulator input fuzz: %,d inputs (seed %X), %d frames rejected, actuations %d -> %d%n",
                inputs[0], SEED + 1, h.device.rejectedFrames(), actuations, h.device.hardware().actuations());
        assertThat(h.device.hardware().actuations()).isEqualTo(actuations);
    }

    /** A realistic session whose host frames become the replay corpus. */
    private static void recordSession(DeviceHarness h, List<byte[]> history) {
        List<ArbiterCommand> commands = new ArrayList<>(List.of(new ArbiterCommand.Hello(1, 1, "WS07"), new ArbiterCommand.Arm(5000),
                new ArbiterCommand.Kick(), new ArbiterCommand.Status(), new ArbiterCommand.Log(0), new ArbiterCommand.Ack(0)));
        int seq = 0x2000;
        for (ArbiterCommand c : commands) {
            history.add(send(h, c.toFrame(seq++)));
        }
        List<ArbiterCommand.Dangerous> moves = List.of(new ArbiterCommand.Select(Selection.A, 41),
                new ArbiterCommand.Fence(BoxId.A, FenceMode.OFF, 0, 42), new ArbiterCommand.Select(Selection.B, 42),
                new ArbiterCommand.Unfence(BoxId.A, 43), new ArbiterCommand.Fence(BoxId.B, FenceMode.CYCLE, 500, 44),
                new ArbiterCommand.Select(Selection.A, 44), new ArbiterCommand.Disarm());
        for (ArbiterCommand.Dangerous d : moves) {
            byte[] prep = WireFormat.encodeBytes(new ArbiterCommand.Prep(d).toFrame(seq++));
            history.add(prep);
            feed(h, prep);
            String nonce = lastReply(h).get("nonce");
            history.add(send(h, new ArbiterCommand.Exec(Integer.parseInt(nonce, 16)).toFrame(seq++)));
            assertThat(lastReply(h)).as("legitimate %s", d).isNotNull();
            h.clock.advanceMs(600);
            h.device.tick();
        }
        // the CYCLE fence of B ended, and after DISARM nothing is armed any more: the session is over
    }

    private static Frame.Ok lastReply(DeviceHarness h) {
        for (int i = h.sent.size() - 1; i >= 0; i--) {
            if (h.sent.get(i) instanceof Frame.Ok ok) {
                return ok;
            }
            if (h.sent.get(i) instanceof Frame.Error e) {
                throw new AssertionError("refused: " + e);
            }
        }
        throw new AssertionError("no reply");
    }

    private static byte[] send(DeviceHarness h, Frame.Command frame) {
        byte[] b = WireFormat.encodeBytes(frame);
        feed(h, b);
        return b;
    }

    private static void feed(DeviceHarness h, byte[] b) {
        h.device.receive(b, 0, b.length);
        if (h.sent.size() > 10_000) {
            h.sent.clear();
        }
    }

    private static List<byte[]> validFrames() {
        List<byte[]> frames = new ArrayList<>();
        SpecVectorsTest.specFrames().forEach(s -> frames.add((s + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        return frames;
    }

    static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        if (rnd.nextBoolean()) {
            b[0] = (byte) (rnd.nextBoolean() ? '$' : '!'); // look like a frame start to reach deeper states
        }
        return b;
    }

    static byte[] flipBits(byte[] frame, int flips, Random rnd) {
        byte[] b = frame.clone();
        int first = rnd.nextInt(b.length * 8);
        b[first / 8] ^= (byte) (1 << (first % 8));
        for (int i = 1; i < flips; i++) {
            int bit;
            do {
                bit = rnd.nextInt(b.length * 8);
            } while (bit == first);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return b;
    }

    static byte[] truncate(byte[] frame, Random rnd) {
        int cut = rnd.nextInt(frame.length - 1);
        byte[] b = new byte[cut + 2];
        System.arraycopy(frame, 0, b, 0, cut);
        b[cut] = '\r';
        b[cut + 1] = '\n';
        return b;
    }

    /** The first frame loses its CR LF and runs into the second: the first must be discarded. */
    static byte[] merged(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first, 0, first.length - 2);
        out.write(second, 0, second.length);
        return out.toByteArray();
    }

    static byte[] overlong(Random rnd) {
        String body = "1,1234,HELLO,min=1,max=1,host=" + "x".repeat(150 + rnd.nextInt(400));
        return ("$" + body + "*" + Crc16.hex4(Crc16.of(body)) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
