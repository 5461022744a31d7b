package io.redpair.supervisor;

import io.redpair.health.ApiObservation;
import io.redpair.health.CanaryObservation;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.Heartbeat;
import io.redpair.nodered.NodeRedAuth;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.NodeRedEndpoint;
import io.redpair.nodered.Outcome;
import io.redpair.nodered.Timeouts;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.store.SecretResolver;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link BoxPort} over a box's Node-RED admin API and its canary. Stop and start are verified the way
 * ARCHITECTURE §5 asks: a stop counts only when the API answered stop, a re-read says stop and the canary is
 * gone (404); a start counts only when the canary answers (without a canary: the state re-read says start,
 * which cannot see cold starts or missing node types — the snapshot says so).
 */
public final class NodeRedBoxPort implements BoxPort {

    /** How long after a confirmed stop the canary may still answer (Node-RED: 1–11 ms measured). */
    private static final Duration CANARY_GONE_WITHIN = Duration.ofSeconds(2);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final NodeRedClient client;
    private final String heartbeatPath;
    private final Duration startLimit;
    private final String pinned;

    NodeRedBoxPort(NodeRedClient client, String heartbeatPath, Duration startLimit) {
        this(client, heartbeatPath, startLimit, null);
    }

    /** @param pinned the accepted TLS key(s) as shown in a changed-key alarm ({@code sha256/…}), null for http */
    NodeRedBoxPort(NodeRedClient client, String heartbeatPath, Duration startLimit, String pinned) {
        this.client = client;
        this.heartbeatPath = heartbeatPath;
        this.startLimit = startLimit;
        this.pinned = pinned;
    }

    /** The factory the CLI hands to {@link Supervisor#start}: secrets are resolved here, at connect time. */
    public static Supervisor.BoxPortFactory factory(SecretResolver secrets) {
        return (pair, box) -> open(pair, box, secrets);
    }

    static NodeRedBoxPort open(Pair pair, BoxId box, SecretResolver secrets) {
        NodeRedEndpoint endpoint = endpoint(pair, box, secrets);
        String pinned = endpoint.tlsPinSha256() == null ? null : "sha256/" + endpoint.tlsPinSha256()
                + (endpoint.tlsNextPinSha256() == null ? "" : " (next sha256/" + endpoint.tlsNextPinSha256() + ")");
        return new NodeRedBoxPort(NodeRedClient.create(endpoint), pair.hasCanary() ? pair.heartbeatPath() : null,
                endpoint.timeouts().start(), pinned);
    }

    /** The endpoint of one box with the pair's probe timeouts; secrets resolved now (IllegalArgumentException if not). */
    public static NodeRedEndpoint endpoint(Pair pair, BoxId box, SecretResolver secrets) {
        BoxConfig config = pair.box(box);
        return new NodeRedEndpoint(config.url(), auth(pair, box, config.auth(), secrets), config.tlsPin(),
                timeoutsFor(pair, config.url())).withTlsNextPin(config.tlsNextPin());
    }

    /**
     * Probe timeout below the deadline, so a hung box yields at least one HUNG outcome inside one detection
     * window: {@code interval × (missedBeats − 1)}, between 200 ms and 1 s.
     *
     * <p>Over plain http the connect timeout is one interval (at least 200 ms): the box's kernel answers a
     * connect even when its runtime is frozen, so only a lost packet makes a connect wait, and the kernel
     * retries a lost SYN only after 1 s. Probes are serial per box, so a probe waiting out a long connect
     * timeout keeps RedPair blind to a link that is already back: with a link flapping 0.3 s cut / 0.5 s
     * healed (each cut well under the 1 s deadline) a 750 ms connect timeout convicted the reachable active
     * and fenced it in 1 of 6 runs (PartitionFaultTest). Over https the connect includes the TLS handshake,
     * which the box's event loop serves, so it keeps the probe timeout.
     */
    static Timeouts timeoutsFor(Pair pair, URI url) {
        long probeMs = Math.max(200, Math.min(1000, (long) pair.policy().intervalMs() * Math.max(1, pair.policy().missedBeats() - 1)));
        long connectMs = "https".equalsIgnoreCase(url.getScheme()) ? probeMs
                : Math.max(200, Math.min(probeMs, pair.policy().intervalMs()));
        return Timeouts.defaults().withProbe(Duration.ofMillis(probeMs)).withConnect(Duration.ofMillis(connectMs));
    }

    private static NodeRedAuth auth(Pair pair, BoxId box, AuthRef ref, SecretResolver secrets) {
        try {
            if (ref.kind() == AuthRef.Kind.PASSWORD) {
                return new NodeRedAuth.Password(ref.username(), secrets.resolve(ref.secretRef()), ref.scope());
            }
            if (ref.kind() == AuthRef.Kind.TOKEN) {
                return new NodeRedAuth.StaticToken(ref.tokenHeader(), secrets.resolve(ref.secretRef()));
            }
            return new NodeRedAuth.None();
        } catch (SecretResolver.SecretException e) {
            throw new IllegalArgumentException("pair " + pair.id() + " box " + box + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Probed<ApiObservation>> probeApi() {
        return client.flowsStateAsync().thenApply(o -> new Probed<>(OutcomeMapping.api(o, pinned), o.latencyNanos()));
    }

    @Override
    public CompletableFuture<Probed<CanaryObservation>> probeCanary() {
        return client.heartbeatAsync(heartbeatPath).thenApply(o -> new Probed<>(OutcomeMapping.canary(o), o.latencyNanos()));
    }

    @Override
    public CompletableFuture<Facts> readFacts() {
        return client.settingsAsync().thenCombine(client.flowsRevAsync(), (settings, rev) -> new Facts(
                settings.isOk() ? settings.value().version() : null, rev.isOk() ? rev.value() : null,
                problem(settings, rev)));
    }

    private static String problem(Outcome<?> settings, Outcome<?> rev) {
        if (settings.isOk() && rev.isOk()) {
            return null;
        }
        return (settings.isOk() ? "" : "GET /settings: " + settings.describe() + (rev.isOk() ? "" : "; "))
                + (rev.isOk() ? "" : "GET /flows: " + rev.describe());
    }

    @Override
    public Verified stopFlows() {
        Outcome<FlowsState> posted = client.setFlowsState(FlowsState.STOP);
        if (!isState(posted, FlowsState.STOP)) {
            return new Verified(false, "POST stop: " + posted.describe());
        }
        Outcome<FlowsState> reread = client.flowsState();
        if (!isState(reread, FlowsState.STOP)) {
            return new Verified(false, "stop answered, but the state re-read gave " + reread.describe());
        }
        if (heartbeatPath == null) {
            return new Verified(true, "API stop, state re-read stop (no canary to confirm)");
        }
        long t0 = System.nanoTime();
        long deadline = t0 + CANARY_GONE_WITHIN.toNanos();
        Outcome<Heartbeat> beat = client.heartbeat(heartbeatPath);
        while (!(beat instanceof Outcome.NotFound) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            beat = client.heartbeat(heartbeatPath);
        }
        if (!(beat instanceof Outcome.NotFound)) {
            return new Verified(false, "API says stop, but the canary still gives " + beat.describe());
        }
        return new Verified(true, "API stop, state re-read stop, canary 404 after "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
    }

    @Override
    public Verified startFlows() {
        long t0 = System.nanoTime();
        Outcome<FlowsState> posted = client.setFlowsState(FlowsState.START);
        if (!isState(posted, FlowsState.START)) {
            return new Verified(false, "POST start: " + posted.describe());
        }
        if (heartbeatPath == null) {
            Outcome<FlowsState> reread = client.flowsState();
            return isState(reread, FlowsState.START)
                    ? new Verified(true, "API start, state re-read start (no canary: flows running not proven)")
                    : new Verified(false, "start answered, but the state re-read gave " + reread.describe());
        }
        long deadline = t0 + startLimit.toNanos();
        Outcome<Heartbeat> beat = client.heartbeat(heartbeatPath);
        while (!beat.isOk() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            beat = client.heartbeat(heartbeatPath);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        return beat.isOk() ? new Verified(true, "API start, canary answered " + ms + " ms after the request")
                : new Verified(false, "API start, but the canary gives " + beat.describe() + " after " + ms + " ms");
    }

    private static boolean isState(Outcome<FlowsState> o, FlowsState expected) {
        return o instanceof Outcome.Ok<FlowsState> ok && ok.value() == expected;
    }

    @Override
    public void close() {
        client.close();
    }
}
