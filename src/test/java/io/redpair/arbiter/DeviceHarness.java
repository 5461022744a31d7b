package io.redpair.arbiter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Drives an {@link ArbiterDevice} frame by frame with a fake clock and records everything it sends. */
final class DeviceHarness {

    final FakeClock clock = new FakeClock();
    final List<Frame> sent = new ArrayList<>();
    final ArbiterDevice device;
    private int seq = 0x0100;

    DeviceHarness(Path stateFile) throws IOException {
        device = new ArbiterDevice(DeviceIdentity.simulator("A0042"), clock, stateFile, new Random(7), sent::add);
    }

    /** Sends a command with a fresh seq and returns the reply to it. */
    Frame send(ArbiterCommand command) {
        return sendFrame(command.toFrame(seq++));
    }

    Frame sendFrame(Frame.Command frame) {
        int before = sent.size();
        feed(WireFormat.encode(frame));
        return sent.subList(before, sent.size()).stream()
                .filter(f -> f instanceof Frame.Ok ok && ok.seq() == frame.seq() || f instanceof Frame.Error e && e.seq() == frame.seq())
                .findFirst().orElseThrow(() -> new AssertionError("no reply to " + frame));
    }

    void feed(String wire) {
        byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
        device.receive(b, 0, b.length);
    }

    void advanceMs(long ms) {
        for (long t = 0; t < ms; t += 10) {
            clock.advanceMs(Math.min(10, ms - t));
            device.tick();
        }
    }

    List<Frame.Event> events() {
        return sent.stream().filter(f -> f instanceof Frame.Event).map(f -> (Frame.Event) f).toList();
    }

    List<Frame.Event> eventsOfType(String type) {
        return events().stream().filter(e -> e.type().equals(type)).toList();
    }

    /** HELLO as host WS07 and ARM with the given watchdog. */
    void helloAndArm(int hostTimeoutMs) {
        send(new ArbiterCommand.Hello(1, 1, "WS07"));
        send(new ArbiterCommand.Arm(hostTimeoutMs));
    }

    /** PREP then EXEC; returns the EXEC reply (or the PREP refusal). */
    Frame prepExec(ArbiterCommand.Dangerous command) {
        Frame prep = send(new ArbiterCommand.Prep(command));
        if (!(prep instanceof Frame.Ok ok)) {
            return prep;
        }
        return send(new ArbiterCommand.Exec(Integer.parseInt(ok.get("nonce"), 16)));
    }

    static String errorCode(Frame f) {
        return f instanceof Frame.Error e ? e.code() : "OK";
    }
}
