package io.redpair.nodered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * Client for one box's Node-RED admin API and its flow-served heartbeat. Every call returns an
 * {@link Outcome}; none throws for anything the network or the box does.
 *
 * <p>Thread-safe. Blocking calls run on the caller's thread and are bounded by the call kind's
 * timeout ({@link Timeouts}); the {@code ...Async} variants run on OkHttp's dispatcher and never
 * block the caller (the supervisor thread). With the password grant the client logs in lazily,
 * logs in again once when the box answers 401 with a challenge (expired or revoked token), and
 * reports a second 401 as {@link Outcome.Unauthorized}. Admin credentials are never sent to the
 * flow-served heartbeat path.
 */
public final class NodeRedClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpTransport transport;
    private final AdminUrls urls;
    private final Authenticator authenticator;
    private volatile String httpNodeRoot; // learned from /settings

    private NodeRedClient(NodeRedEndpoint endpoint) {
        this.transport = new HttpTransport(endpoint);
        this.urls = new AdminUrls(endpoint.adminUrl());
        this.authenticator = new Authenticator(endpoint.auth(), urls);
        this.httpNodeRoot = endpoint.httpNodeRoot();
    }

    public static NodeRedClient create(NodeRedEndpoint endpoint) {
        return new NodeRedClient(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** {@code GET /flows/state}. START does not prove flows run; see {@link #heartbeat}. */
    public Outcome<FlowsState> flowsState() {
        return call(stateGet(), Parsers::flowsState, transport::execute).join();
    }

    public CompletableFuture<Outcome<FlowsState>> flowsStateAsync() {
        return call(stateGet(), Parsers::flowsState, transport::enqueue);
    }

    /**
     * {@code POST /flows/state}. The answer comes after every node closed (stop) or was constructed
     * (start), hence the long {@code stop}/{@code start} timeouts. 404 means the box does not have
     * {@code runtimeState.enabled: true}: {@link Outcome.FeatureDisabled}. Node-RED persists the new
     * state a few ms after answering; do not kill the process within ~100 ms.
     */
    public Outcome<FlowsState> setFlowsState(FlowsState target) {
        if (target == FlowsState.SAFE) {
            throw new IllegalArgumentException("safe mode cannot be requested through /flows/state");
        }
        String body = "{\"state\":\"" + target.wire() + "\"}";
        CallSpec spec = new CallSpec("POST", urls.admin("flows/state"), RequestBody.create(body, JSON), null, null,
                target == FlowsState.STOP ? CallKind.STOP : CallKind.START, CallKind.SMALL_CAP_BYTES,
                CallSpec.NotFoundMeans.FEATURE_DISABLED, true);
        return call(spec, Parsers::flowsState, transport::execute).join();
    }

    /** {@code GET /settings}; also teaches the client the box's {@code httpNodeRoot}. */
    public Outcome<NodeRedSettings> settings() {
        return settings(transport::execute).join();
    }

    /** As {@link #settings()}, on OkHttp's dispatcher (the supervisor reads the version this way). */
    public CompletableFuture<Outcome<NodeRedSettings>> settingsAsync() {
        return settings(transport::enqueue);
    }

    /** {@code GET /flows} with API v2: the flows and their rev. */
    public Outcome<FlowsDocument> flows() {
        return call(flowsGet(), Parsers::flows, transport::execute).join();
    }

    /**
     * {@code GET /flows} with API v2, keeping only the rev: how the supervisor compares both boxes' flows at a
     * low rate without holding their content. Node-RED has no cheaper call that returns the rev.
     */
    public CompletableFuture<Outcome<String>> flowsRevAsync() {
        return call(flowsGet(), Parsers::rev, transport::enqueue);
    }

    private CallSpec flowsGet() {
        return CallSpec.adminGet(urls.admin("flows"), CallKind.ADMIN).withApiVersion("v2")
                .withCap(CallKind.FLOWS_CAP_BYTES);
    }

    /**
     * {@code POST /flows} with API v2. With a {@code rev} the box refuses (409,
     * {@link Outcome.Conflict}) if its flows changed since; without one the deploy is unconditional.
     * {@code credentials} is the v2 map {@code {nodeId: {field: value}}}, merged per node on the
     * box. Returns the new rev. The answer comes before new flows run: poll the heartbeat marker.
     */
    public Outcome<String> deploy(ArrayNode flows, String rev, DeployType type, ObjectNode credentials) {
        Objects.requireNonNull(flows, "flows");
        Objects.requireNonNull(type, "type");
        ObjectNode body = Responses.MAPPER.createObjectNode();
        body.set("flows", flows);
        if (rev != null) {
            body.put("rev", rev);
        }
        if (credentials != null) {
            body.set("credentials", credentials);
        }
        byte[] bytes;
        try {
            bytes = Responses.MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("flows cannot be serialised: " + e.getOriginalMessage(), e);
        }
        CallSpec spec = new CallSpec("POST", urls.admin("flows"), RequestBody.create(bytes, JSON), "v2", type.header(),
                CallKind.DEPLOY, CallKind.SMALL_CAP_BYTES, CallSpec.NotFoundMeans.WRONG_ADMIN_ROOT, true);
        return call(spec, Parsers::rev, transport::execute).join();
    }

    /** {@code GET /diagnostics}: Node.js version, memory, runtime flow state. 403 if disabled on the box. */
    public Outcome<JsonNode> diagnostics() {
        return call(CallSpec.adminGet(urls.admin("diagnostics"), CallKind.ADMIN), Parsers::object, transport::execute)
                .join();
    }

    /**
     * {@code GET <httpNodeRoot><path>}, e.g. {@code /redpair/heartbeat}: any 2xx proves flows run;
     * 404 is {@link Outcome.NotFound} (flows stopped, or the canary is not deployed). If the endpoint
     * does not give {@code httpNodeRoot}, the first call learns it from {@code /settings} (unless
     * {@link #settings()} already did), and a failure of that call is the heartbeat's outcome.
     */
    public Outcome<Heartbeat> heartbeat(String path) {
        return heartbeat(path, transport::execute).join();
    }

    public CompletableFuture<Outcome<Heartbeat>> heartbeatAsync(String path) {
        return heartbeat(path, transport::enqueue);
    }

    /** Revokes a password-grant token (best effort, bounded by the admin timeout). */
    @Override
    public void close() {
        authenticator.revoke(transport);
    }

    private CallSpec stateGet() {
        return CallSpec.adminGet(urls.admin("flows/state"), CallKind.PROBE);
    }

    private CompletableFuture<Outcome<NodeRedSettings>> settings(Exchanger ex) {
        return call(CallSpec.adminGet(urls.admin("settings"), CallKind.ADMIN), Parsers::settings, ex)
                .thenApply(o -> {
                    if (o instanceof Outcome.Ok<NodeRedSettings> ok) {
                        httpNodeRoot = ok.value().httpNodeRoot();
                    }
                    return o;
                });
    }

    private CompletableFuture<Outcome<Heartbeat>> heartbeat(String path, Exchanger ex) {
        Objects.requireNonNull(path, "path");
        long t0 = System.nanoTime();
        String root = httpNodeRoot;
        if (root != null) {
            return call(heartbeatSpec(root, path), Parsers::heartbeat, ex, t0);
        }
        return settings(ex).thenCompose(s -> s.isOk()
                ? call(heartbeatSpec(s.value().httpNodeRoot(), path), Parsers::heartbeat, ex, t0)
                : CompletableFuture.completedFuture(((Outcome.Failure<NodeRedSettings>) s).<Heartbeat>retype()));
    }

    private CallSpec heartbeatSpec(String nodeRoot, String path) {
        HttpUrl url = urls.node(nodeRoot, path);
        return new CallSpec("GET", url, null, null, null, CallKind.PROBE, CallKind.SMALL_CAP_BYTES,
                CallSpec.NotFoundMeans.NOT_SERVING, false);
    }

    private <T> CompletableFuture<Outcome<T>> call(CallSpec spec, Responses.Parser<T> parser, Exchanger ex) {
        return call(spec, parser, ex, System.nanoTime());
    }

    private <T> CompletableFuture<Outcome<T>> call(CallSpec spec, Responses.Parser<T> parser, Exchanger ex, long t0) {
        return attempt(spec, parser, ex, t0, true);
    }

    private <T> CompletableFuture<Outcome<T>> attempt(CallSpec spec, Responses.Parser<T> parser, Exchanger ex,
                                                      long t0, boolean mayLogInAgain) {
        CompletableFuture<Outcome<CallSpec.AuthHeader>> header = spec.authenticated()
                ? authenticator.header(ex, t0)
                : CompletableFuture.completedFuture(new Outcome.Ok<>(null, 0));
        return header.thenCompose(h -> {
            if (!h.isOk()) {
                return CompletableFuture.completedFuture(((Outcome.Failure<CallSpec.AuthHeader>) h).<T>retype());
            }
            return ex.send(spec.toRequest(h.value()), spec.kind(), spec.capBytes(), t0).thenCompose(o -> {
                if (!o.isOk()) {
                    return CompletableFuture.completedFuture(((Outcome.Failure<Answer>) o).<T>retype());
                }
                Answer a = o.value();
                if (mayLogInAgain && spec.authenticated() && Responses.isAuthChallenge(a)
                        && authenticator.canReauthenticate()) {
                    authenticator.invalidate(h.value());
                    return attempt(spec, parser, ex, t0, false);
                }
                return CompletableFuture.completedFuture(Responses.interpret(a, spec, parser, System.nanoTime() - t0));
            });
        });
    }
}
