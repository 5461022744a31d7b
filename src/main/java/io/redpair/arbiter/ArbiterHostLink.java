package io.redpair.arbiter;

import io.redpair.arbiter.RequestTracker.Answered;
import io.redpair.arbiter.RequestTracker.Reply;
import io.redpair.arbiter.RequestTracker.Unanswered;
import io.redpair.pair.BoxId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host link. Two threads: {@code arbiter-io} owns reading, decoding and retransmission timing;
 * {@code arbiter-session} connects, rediscovers, KICKs and polls. Requests are written by whichever
 * thread submits them, under one lock that also guards the {@link RequestTracker}. Dangerous commands
 * are chained one after another so that no PREP of ours can cancel another PREP of ours.
 * <p>Invariant: {@code state == UP} only while a transport is installed and the device behind it answered
 * HELLO with the expected serial number (and ARM, when this link arms).
 */
final class ArbiterHostLink implements ArbiterLink {

    private static final Logger log = LoggerFactory.getLogger(ArbiterHostLink.class);
    private static final int READ_SLICE_MS = 10;

    private final ArbiterLinkOptions options;
    private final PortScanner scanner;
    private final Object lock = new Object();
    private final RequestTracker tracker = new RequestTracker(new SecureRandom().nextInt(0xFFFF));
    private final ListenerHub listeners = new ListenerHub();
    private final EventInbox inbox = new EventInbox();
    private final ScheduledExecutorService session;
    private final Thread io;
    private final List<ScheduledFuture<?>> upTasks = new ArrayList<>();
    private volatile Transport transport;
    private volatile LinkState state = LinkState.CONNECTING;
    private volatile DeviceInfo device;
    private volatile String serialNumber;
    private volatile String lastPort;
    private final java.util.Map<String, String> lastRefusal = new java.util.HashMap<>();
    private volatile ArbiterStatus lastStatus;
    /** True while this link wants the device ARMED: it arms at connect, and re-arms after HOSTLOST or a reboot. */
    private volatile boolean keepArmed;
    private final java.util.concurrent.atomic.AtomicBoolean rearmQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private CompletableFuture<CommandResult> dangerousChain = CompletableFuture.completedFuture(null);

    private ArbiterHostLink(ArbiterLinkOptions options, PortScanner scanner) {
        this.options = options;
        this.scanner = scanner;
        this.serialNumber = options.serialNumber();
        this.keepArmed = options.armTimeoutMs() > 0;
        this.session = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "arbiter-session"));
        this.io = daemon(new LinkReader(this)::run, "arbiter-io");
    }

    static ArbiterHostLink start(ArbiterLinkOptions options, PortScanner scanner, ArbiterListener listener, Executor executor) {
        ArbiterHostLink link = new ArbiterHostLink(options, scanner);
        if (listener != null) {
            link.addListener(listener, executor);
        }
        link.io.start();
        link.session.execute(link::rediscoverRound);
        return link;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    // ---- connecting and rediscovery (session thread) ----

    private void rediscoverRound() {
        if (state == LinkState.UP || state == LinkState.CLOSED) {
            return;
        }
        for (String path : candidates()) {
            if (state == LinkState.CLOSED || tryPort(path)) {
                return;
            }
        }
        session.schedule(this::rediscoverRound, options.rediscoverMs(), TimeUnit.MILLISECONDS);
    }

    private List<String> candidates() {
        List<PortScanner.PortInfo> ports = List.of();
        try {
            ports = scanner.ports();
        } catch (RuntimeException e) {
            log.warn("arbiter: listing serial ports failed: {}", e.toString());
        }
        return PortCandidates.order(lastPort, options.port(), serialNumber, ports);
    }

    private boolean tryPort(String path) {
        Transport t;
        try {
            t = scanner.open(path);
        } catch (Exception e) { // jSerialComm throws unchecked exceptions for vanished paths
            log.debug("arbiter: cannot open {}: {}", path, e.toString());
            return false;
        }
        install(t);
        String refusal = handshake();
        if (refusal != null) {
            String reason = refusal.replaceAll("[0-9A-F]{4} after", "after");
            if (!reason.equals(lastRefusal.put(path, reason))) {
                log.info("arbiter: {} not usable: {}", path, reason); // once per change, not every retry
            }
            detach(t, refusal);
            return false;
        }
        lastPort = path;
        lastRefusal.clear();
        becomeUp(path);
        return true;
    }

    /** HELLO (and ARM); returns null on success or why this port is not our device. */
    private String handshake() {
        Replies.HelloCheck hello = Replies.checkHello(Replies.await(request(new ArbiterCommand.Hello(1, 1, options.hostName()))),
                serialNumber);
        if (hello.refusal() != null) {
            return hello.refusal();
        }
        DeviceInfo info = hello.device();
        if (keepArmed) {
            Reply arm = Replies.await(request(new ArbiterCommand.Arm(options.armTimeoutMs())));
            if (!(arm instanceof Answered b) || !(b.frame() instanceof Frame.Ok)) {
                return "ARM: " + Replies.describe(arm);
            }
        }
        serialNumber = info.serialNumber();
        device = info;
        int from = inbox.resumeFrom(info);
        if (from >= 0) {
            request(new ArbiterCommand.Log(from)).whenComplete((r, e) -> inbox.replayDone());
        }
        return null;
    }

    private void becomeUp(String path) {
        state = LinkState.UP;
        log.info("arbiter link UP on {} (sn={}, fw={}, epoch={}, sel={})", path, device.serialNumber(),
                device.firmware(), device.epoch(), device.selected());
        listeners.publish(new LinkEvent.LinkUp(device, path));
        synchronized (upTasks) {
            if (options.armTimeoutMs() > 0) {
                long kick = options.kickPeriodMs();
                upTasks.add(session.scheduleAtFixedRate(() -> request(new ArbiterCommand.Kick()), kick, kick, TimeUnit.MILLISECONDS));
            }
            if (options.statusPollMs() > 0) {
                upTasks.add(session.scheduleAtFixedRate(this::pollStatus, 0, options.statusPollMs(), TimeUnit.MILLISECONDS));
            }
        }
    }

    private void goDown(String reason) {
        if (state != LinkState.UP) {
            return;
        }
        state = LinkState.DOWN;
        synchronized (upTasks) {
            upTasks.forEach(f -> f.cancel(false));
            upTasks.clear();
        }
        log.warn("arbiter link DOWN: {} (searching for sn={})", reason, serialNumber);
        listeners.publish(new LinkEvent.LinkDown(reason));
        onSession(this::rediscoverRound);
    }

    private void pollStatus() {
        status().thenAccept(s -> {
            ArbiterStatus before = lastStatus;
            lastStatus = s;
            if (before == null || !StatusChange.sameOutputs(before, s)) {
                listeners.publish(new LinkEvent.StatusChanged(s));
            }
            listeners.publish(new LinkEvent.StatusPolled(s));
            if (s.state() != ArbiterStatus.ArmState.ARMED && keepArmed) {
                requestRearm();
            }
        }).exceptionally(e -> null);
    }

    /**
     * After HOSTLOST the device only leaves it on HELLO + ARM; after a reboot it is DISARMED. HELLO and ARM
     * cancel a prepared command, so re-arming queues behind dangerous commands instead of cutting in.
     */
    private void requestRearm() {
        if (!keepArmed || !rearmQueued.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            dangerousChain = dangerousChain.handle((r, e) -> (CommandResult) null).thenApplyAsync(ignored -> {
                if (state == LinkState.UP && keepArmed && handshake() == null) {
                    log.info("arbiter re-armed (it had been HOSTLOST, rebooted or disarmed by someone else)");
                }
                rearmQueued.set(false);
                return null;
            }, session);
        }
    }

    // ---- transport and frames (called by the reader thread) ----

    private void install(Transport t) {
        synchronized (lock) {
            transport = t;
        }
    }

    Transport transport() {
        return transport;
    }

    boolean closed() {
        return state == LinkState.CLOSED;
    }

    /** The transport died or a request went unanswered three times. */
    void lost(Transport t, String reason) {
        if (detach(t, reason)) {
            goDown(reason);
        }
    }

    /** Returns false when {@code t} is no longer the current transport (a late report about an old port). */
    private boolean detach(Transport t, String reason) {
        RequestTracker.Step failed;
        synchronized (lock) {
            if (transport != t) {
                return false;
            }
            transport = null;
            failed = tracker.failAll(reason);
        }
        t.close();
        failed.completeAll();
        return true;
    }

    void onFrame(Frame frame) {
        if (frame instanceof Frame.Event ev) {
            onEvent(ArbiterEvent.parse(ev));
            return;
        }
        int seq = frame instanceof Frame.Ok ok ? ok.seq() : ((Frame.Error) frame).seq();
        if (seq == Frame.DIAGNOSTIC_SEQ) {
            log.debug("arbiter diagnostic: {}", frame);
            return;
        }
        perform(() -> tracker.onReply(frame, System.nanoTime()));
    }

    private void onEvent(ArbiterEvent event) {
        if (event.critical() || event instanceof ArbiterEvent.Other) {
            request(new ArbiterCommand.Ack(event.evseq()));
        }
        if (inbox.firstTime(event)) {
            log.info("arbiter event {}", event);
            listeners.publish(new LinkEvent.DeviceEvent(event));
            if (event instanceof ArbiterEvent.HostLost && keepArmed) {
                requestRearm();
            } else if (event instanceof ArbiterEvent.Boot && keepArmed) {
                onSession(this::pollStatus); // a reboot leaves it DISARMED; STATUS tells, and re-arms if so
            }
        }
    }

    /** Retransmission timing; returns true when the tracker gave up (the caller reports the link lost). */
    boolean tick() {
        return perform(() -> tracker.tick(System.nanoTime()));
    }

    private boolean perform(java.util.function.Supplier<RequestTracker.Step> action) {
        RequestTracker.Step step;
        Transport t;
        synchronized (lock) {
            step = action.get();
            t = transport;
            if (t != null) {
                for (byte[] bytes : step.toSend()) {
                    try {
                        t.write(bytes);
                    } catch (Exception e) {
                        onSession(() -> lost(t, "write to " + t.name() + " failed: " + e.getMessage()));
                        break;
                    }
                }
            }
        }
        step.completeAll();
        if (step.linkDown() && t != null) {
            onSession(() -> lost(t, "device silent: no reply after " + RequestTracker.RETRANSMISSIONS + " retransmissions"));
        }
        return step.linkDown();
    }

    // ---- requests ----

    CompletableFuture<Reply> request(ArbiterCommand command) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        if (transport == null) {
            reply.complete(new Unanswered("link down", false));
            return reply;
        }
        perform(() -> tracker.submit(command, reply, System.nanoTime()));
        return reply;
    }

    @Override
    public LinkState state() {
        return state;
    }

    @Override
    public Optional<DeviceInfo> device() {
        return Optional.ofNullable(device);
    }

    @Override
    public CompletableFuture<ArbiterStatus> status() {
        if (state != LinkState.UP) {
            return CompletableFuture.failedFuture(new ArbiterUnavailableException("arbiter link is " + state));
        }
        return request(new ArbiterCommand.Status()).thenApply(Replies::statusOf);
    }

    @Override
    public CompletableFuture<CommandResult> select(Selection target, long epoch) {
        return dangerous(new ArbiterCommand.Select(target, epoch));
    }

    @Override
    public CompletableFuture<CommandResult> fence(BoxId box, FenceMode mode, int holdMs, long epoch) {
        return dangerous(new ArbiterCommand.Fence(box, mode, holdMs, epoch));
    }

    @Override
    public CompletableFuture<CommandResult> unfence(BoxId box, long epoch) {
        return dangerous(new ArbiterCommand.Unfence(box, epoch));
    }

    @Override
    public CompletableFuture<CommandResult> disarm() {
        keepArmed = false; // else the next STATUS poll would re-arm what we are disarming
        return dangerous(new ArbiterCommand.Disarm()).whenComplete((r, e) -> {
            if (r == null || !r.isDone()) {
                keepArmed = options.armTimeoutMs() > 0;
            }
        });
    }

    private CompletableFuture<CommandResult> dangerous(ArbiterCommand.Dangerous command) {
        synchronized (this) {
            CompletableFuture<CommandResult> result = dangerousChain.handle((r, e) -> null)
                    .thenCompose(ignored -> new PrepExec(this).run(command))
                    .whenComplete((r, e) -> log.info("arbiter {} -> {}", command.canonical(), e != null ? e.toString() : r));
            dangerousChain = result;
            return result;
        }
    }

    /** Runs on the session thread; after close() there is none, and the work is moot. */
    private void onSession(Runnable work) {
        try {
            session.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("arbiter link closed; dropped session work");
        }
    }

    boolean up() {
        return state == LinkState.UP;
    }

    @Override
    public void addListener(ArbiterListener listener, Executor executor) {
        listeners.add(listener, executor);
    }

    @Override
    public void removeListener(ArbiterListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        state = LinkState.CLOSED;
        session.shutdownNow();
        io.interrupt();
        Transport t = transport;
        if (t != null) {
            detach(t, "link closed");
        }
    }
}
