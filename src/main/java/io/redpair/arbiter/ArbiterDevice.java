package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WDA/1 device rules, single-threaded and clock-driven: bytes in through {@link #receive}, time
 * through {@link #tick}, frames out through the sink. No threads and no sleeping, so every rule is
 * tested by advancing a fake clock. Safe verbs and the session live here; select-before-operate, epoch
 * and interlocks live in {@link DangerousVerbs}.
 * <p>Invariants: outputs move only in {@link DangerousVerbs#execute} after the epoch is persisted; a
 * frame that failed any check never reaches a handler; the watchdog never moves an output.
 */
public final class ArbiterDevice {

    private static final Logger log = LoggerFactory.getLogger(ArbiterDevice.class);
    static final int PROTOCOL = 1;

    final MonotonicClock clock;
    final SimulatedHardware hardware = new SimulatedHardware();
    final EventJournal journal = new EventJournal();
    final PrepGate gate;
    final DeviceStateFile stateFile;
    final DeviceIdentity identity;
    private final ReplyCache cache = new ReplyCache();
    private final DangerousVerbs dangerous = new DangerousVerbs(this);
    private final HardwareWatcher watcher = new HardwareWatcher(this);
    private final Consumer<Frame> sink;
    private FrameDecoder decoder = new FrameDecoder();
    /** Events raised while a command runs go out after its reply, as in the spec's example session. */
    private java.util.List<Frame> deferred;
    long epoch;
    long bootCount;
    boolean local;
    private ArbiterStatus.ArmState armState = ArbiterStatus.ArmState.DISARMED;
    private String resetCause = "POR";
    private String sessionHost;
    private String armedBy;
    private boolean foreignHostOnLine;
    private int hostTimeoutMs;
    private long watchdogDeadline;

    public ArbiterDevice(DeviceIdentity identity, MonotonicClock clock, java.nio.file.Path stateFile, Random random,
            Consumer<Frame> sink) throws IOException {
        this.identity = identity;
        this.clock = clock;
        this.stateFile = new DeviceStateFile(stateFile);
        this.gate = new PrepGate(random);
        this.sink = sink;
        DeviceStateFile.Saved saved = this.stateFile.load();
        hardware.restore(saved);
        epoch = saved.epoch();
        bootCount = saved.bootCount();
        boot("POR");
    }

    /**
     * A (re)boot: outputs stay exactly where they are (latching selector, fence relays unchanged), the
     * session, reply cache, prepared command and event numbering start afresh, the device is DISARMED.
     */
    public void boot(String resetCause) throws IOException {
        bootCount++;
        persist();
        this.resetCause = resetCause;
        decoder = new FrameDecoder();
        cache.clear();
        gate.reset();
        journal.reset();
        armState = ArbiterStatus.ArmState.DISARMED;
        sessionHost = null;
        armedBy = null;
        foreignHostOnLine = false;
        watcher.resetAfterBoot();
        log.info("arbiter sim {} booted (rst={}, boot={}, sel={}, epoch={})", identity.serialNumber(), resetCause, bootCount, hardware.selected(), epoch);
        emit(n -> new ArbiterEvent.Boot(n, resetCause, hardware.selected(), epoch, identity.firmware()));
    }

    /** Bytes from the line. Only frames that pass every check reach a handler. */
    public void receive(byte[] data, int off, int len) {
        decoder.feed(data, off, len, result -> {
            if (result instanceof FrameDecoder.Rejection r) {
                log.debug("arbiter sim: {}", r);
                send(Frame.Error.of(Frame.DIAGNOSTIC_SEQ, r.code()));
            } else if (((FrameDecoder.Accepted) result).frame() instanceof Frame.Command c) {
                onCommand(c);
            }
        });
    }

    /** Timers: host watchdog, power cycles, power sense and heartbeat changes, critical event resend. */
    public void tick() {
        long now = clock.nanos();
        if (armState == ArbiterStatus.ArmState.ARMED && now - watchdogDeadline >= 0) {
            armState = ArbiterStatus.ArmState.HOSTLOST;
            log.warn("arbiter sim {}: host {} silent for {} ms -> HOSTLOST, outputs held (sel={})", identity.serialNumber(), armedBy, hostTimeoutMs, hardware.selected());
            emit(n -> new ArbiterEvent.HostLost(n, hardware.selected()));
        }
        watcher.tick(now);
        journal.dueForResend(now).forEach(this::send);
    }

    private void onCommand(Frame.Command command) {
        String raw = WireFormat.encode(command);
        Frame cached = cache.lookup(command.seq(), raw);
        if (cached != null) {
            send(cached);
            return;
        }
        deferred = new java.util.ArrayList<>();
        try {
            Frame reply = command.seq() == Frame.DIAGNOSTIC_SEQ
                    ? Frame.Error.of(command.seq(), ErrorCode.E04, Field.of("why", "SEQ"))
                    : dispatch(command);
            cache.put(command.seq(), raw, reply);
            send(reply);
        } finally {
            java.util.List<Frame> events = deferred;
            deferred = null;
            events.forEach(this::send);
        }
    }

    private Frame dispatch(Frame.Command frame) {
        CommandParser.Parsed parsed = CommandParser.parse(frame);
        int seq = frame.seq();
        if (parsed.error() != null) {
            return Frame.Error.of(seq, parsed.error());
        }
        ArbiterCommand c = parsed.command();
        if (foreignHostOnLine && !(c instanceof ArbiterCommand.Hello) && !(c instanceof ArbiterCommand.Status)) {
            return Frame.Error.of(seq, ErrorCode.E07);
        }
        if (changesState(c)) {
            gate.cancel();
        }
        if (c instanceof ArbiterCommand.Hello h) {
            return hello(seq, h);
        } else if (c instanceof ArbiterCommand.Status) {
            return new Frame.Ok(seq, "STATUS", watcher.statusFields(armState, watchdogLeftMs()));
        } else if (c instanceof ArbiterCommand.Kick) {
            if (armState == ArbiterStatus.ArmState.ARMED) {
                watchdogDeadline = clock.nanos() + hostTimeoutMs * 1_000_000L;
            }
            return new Frame.Ok(seq, "KICK", List.of(Field.of("left", watchdogLeftMs())));
        } else if (c instanceof ArbiterCommand.Arm a) {
            return arm(seq, a);
        } else if (c instanceof ArbiterCommand.Ack a) {
            journal.ack(a.evseq());
            return new Frame.Ok(seq, "ACK", a.fields());
        } else if (c instanceof ArbiterCommand.Log l) {
            List<Frame.Event> events = journal.since(l.from());
            events.forEach(this::send);
            return new Frame.Ok(seq, "LOG", List.of(Field.of("count", events.size())));
        } else if (c instanceof ArbiterCommand.Cancel) {
            return new Frame.Ok(seq, "CANCEL", List.of());
        }
        return dangerous.handle(seq, c);
    }

    /** KICK, ACK, STATUS and LOG may interleave between PREP and EXEC; EXEC itself is checked by the gate. */
    private static boolean changesState(ArbiterCommand c) {
        return !(c instanceof ArbiterCommand.Kick || c instanceof ArbiterCommand.Ack || c instanceof ArbiterCommand.Status
                || c instanceof ArbiterCommand.Log || c instanceof ArbiterCommand.Exec);
    }

    private Frame hello(int seq, ArbiterCommand.Hello h) {
        if (h.min() > PROTOCOL || h.max() < PROTOCOL) {
            return Frame.Error.of(seq, ErrorCode.E10);
        }
        boolean heldByOther = armState == ArbiterStatus.ArmState.ARMED && !h.host().equals(armedBy)
                && clock.nanos() - watchdogDeadline < 0;
        if (heldByOther) {
            foreignHostOnLine = true;
            log.info("arbiter sim {}: HELLO from {} refused, armed by {}", identity.serialNumber(), h.host(), armedBy);
            return Frame.Error.of(seq, ErrorCode.E07);
        }
        foreignHostOnLine = false;
        sessionHost = h.host();
        return new Frame.Ok(seq, "HELLO", List.of(Field.of("proto", PROTOCOL), Field.of("fw", identity.firmware()),
                Field.of("hw", identity.hardware()), Field.of("sn", identity.serialNumber()), Field.of("boot", bootCount),
                Field.of("rst", resetCause), Field.of("caps", identity.capabilities()), Field.of("sel", hardware.selected()),
                Field.of("epoch", epoch), Field.of("mode", local ? "LOCAL" : "REMOTE")));
    }

    private Frame arm(int seq, ArbiterCommand.Arm a) {
        armState = ArbiterStatus.ArmState.ARMED;
        armedBy = sessionHost;
        hostTimeoutMs = a.hostTimeoutMs();
        watchdogDeadline = clock.nanos() + hostTimeoutMs * 1_000_000L;
        log.info("arbiter sim {}: ARMED by {} (host_to={} ms)", identity.serialNumber(), armedBy, hostTimeoutMs);
        return new Frame.Ok(seq, "ARM", a.fields());
    }

    void disarm() {
        armState = ArbiterStatus.ArmState.DISARMED;
        armedBy = null;
        log.info("arbiter sim {}: DISARMED", identity.serialNumber());
    }

    private long watchdogLeftMs() {
        return armState == ArbiterStatus.ArmState.ARMED ? Math.max(0, (watchdogDeadline - clock.nanos()) / 1_000_000L) : -1;
    }

    /** Writes epoch and outputs to the state file; the caller moves nothing if this throws. */
    void persist() throws IOException {
        stateFile.save(new DeviceStateFile.Saved(epoch, hardware.selected(), hardware.fenced(BoxId.A), hardware.fenced(BoxId.B), bootCount));
    }

    void emit(java.util.function.IntFunction<ArbiterEvent> event) {
        Frame.Event frame = journal.record(event, clock.nanos());
        if (deferred != null) {
            deferred.add(frame);
        } else {
            send(frame);
        }
    }

    void send(Frame frame) {
        sink.accept(frame);
    }

    /** The local/remote key switch; LOCAL refuses remote actuation (E09) and cancels a prepared command. */
    public void setLocal(boolean localMode) {
        if (local != localMode) {
            local = localMode;
            gate.cancel();
            emit(n -> new ArbiterEvent.ModeChanged(n, localMode));
        }
    }

    /** Breaks (or repairs) the selector's feedback contact: rfb=FAULT blocks every dangerous verb. */
    public void setRelayFault(boolean fault) {
        hardware.setRelayFault(fault);
        if (fault) {
            emit(n -> new ArbiterEvent.Fault(n, "RFB"));
        }
    }

    /** One heartbeat edge from the box (tests pulse it; the lab uses a supplier, see SimulatedHardware). */
    public void heartbeat(BoxId box) {
        hardware.heartbeatEdge(box, clock.nanos());
    }

    public ArbiterStatus.ArmState armState() {
        return armState;
    }

    public long epoch() {
        return epoch;
    }

    public SimulatedHardware hardware() {
        return hardware;
    }

    HardwareWatcher watcher() {
        return watcher;
    }

    public long rejectedFrames() {
        return decoder.rejectedCount();
    }
}
