package io.redpair.nodered;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Connection;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Runs one HTTP exchange for an endpoint and turns every transport-level result into an
 * {@link Outcome}: a complete size-capped {@link Answer}, or a typed failure. Status codes are not
 * interpreted here.
 *
 * <p>Each call kind gets its own derived OkHttp client (shared pool and dispatcher) whose call
 * timeout is the kind's limit, so "connected but silent" ends as {@link Outcome.Hung} exactly then.
 * Redirects are never followed: a redirect could carry a token header to another host.
 */
final class HttpTransport {

    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .dispatcher(sharedDispatcher())
            .build();

    private final Map<CallKind, OkHttpClient> clients = new EnumMap<>(CallKind.class);
    private final boolean pinned;

    HttpTransport(NodeRedEndpoint endpoint) {
        OkHttpClient.Builder base = SHARED.newBuilder()
                .connectTimeout(endpoint.timeouts().connect())
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListenerFactory(call -> new ConnectTracker());
        pinned = endpoint.tlsPinSha256() != null;
        if (pinned) {
            pin(base, new PinnedTrustManager(endpoint.tlsPinSha256(), endpoint.tlsNextPinSha256()));
        }
        for (CallKind kind : CallKind.values()) {
            var limit = kind.timeout(endpoint.timeouts());
            clients.put(kind, base.callTimeout(limit).readTimeout(limit).writeTimeout(limit).build());
        }
    }

    /** Daemon threads: a pending async probe must never keep a CLI command's JVM alive. */
    private static Dispatcher sharedDispatcher() {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "nodered-http-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        Dispatcher d = new Dispatcher(executor);
        d.setMaxRequests(256);
        d.setMaxRequestsPerHost(32); // a hung box keeps ~timeout/interval probes in flight
        return d;
    }

    private static void pin(OkHttpClient.Builder builder, PinnedTrustManager trust) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            builder.sslSocketFactory(tls.getSocketFactory(), trust)
                    .hostnameVerifier((host, session) -> peerMatchesPin(session, trust));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable in this Java runtime", e);
        }
    }

    /** Second, independent check of the pin on the established session (CertificatePinner-like). */
    private static boolean peerMatchesPin(SSLSession session, PinnedTrustManager trust) {
        try {
            var certs = session.getPeerCertificates();
            return certs.length > 0 && trust.matchesAny(certs[0]);
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    /** Blocking exchange on the caller's thread; the future is already complete on return. */
    CompletableFuture<Outcome<Answer>> execute(Request request, CallKind kind, long capBytes, long t0) {
        Call call = clients.get(kind).newCall(tagged(request));
        try (Response response = call.execute()) {
            return CompletableFuture.completedFuture(read(response, capBytes, call, t0));
        } catch (IOException e) {
            return CompletableFuture.completedFuture(classify(e, call, t0));
        }
    }

    /** Exchange on OkHttp's dispatcher threads; never blocks the caller. */
    CompletableFuture<Outcome<Answer>> enqueue(Request request, CallKind kind, long capBytes, long t0) {
        CompletableFuture<Outcome<Answer>> result = new CompletableFuture<>();
        clients.get(kind).newCall(tagged(request)).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.complete(classify(e, call, t0));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    result.complete(read(response, capBytes, call, t0));
                } catch (IOException e) {
                    result.complete(classify(e, call, t0));
                } catch (RuntimeException e) {
                    result.complete(new Outcome.Failed<>(e.toString(), System.nanoTime() - t0));
                }
            }
        });
        return result;
    }

    private static Request tagged(Request request) {
        return request.newBuilder().tag(ConnectFlag.class, new ConnectFlag()).build();
    }

    private static Outcome<Answer> read(Response response, long capBytes, Call call, long t0) throws IOException {
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > capBytes) {
            return new Outcome.TooLarge<>("answer declares " + declared + " bytes, cap is " + capBytes,
                    System.nanoTime() - t0);
        }
        BufferedSource source = body.source();
        if (source.request(capBytes + 1)) {
            return new Outcome.TooLarge<>("answer exceeds the cap of " + capBytes + " bytes", System.nanoTime() - t0);
        }
        byte[] bytes = source.getBuffer().readByteArray();
        var media = body.contentType();
        Answer answer = new Answer(response.code(), media == null ? null : media.toString(), bytes,
                response.header("WWW-Authenticate"), response.header("Location"));
        return new Outcome.Ok<>(answer, System.nanoTime() - t0);
    }

    /** Maps a transport exception to the failure kind the health model needs. */
    Outcome<Answer> classify(IOException e, Call call, long t0) {
        long latency = System.nanoTime() - t0;
        ConnectFlag flag = call.request().tag(ConnectFlag.class);
        boolean connected = flag != null && flag.connected;
        var pinMismatch = findCause(e, PinnedTrustManager.PinMismatchException.class);
        if (pinMismatch != null) {
            return new Outcome.TlsPinMismatch<>(pinMismatch.presentedPin(), latency);
        }
        if (pinned && findCause(e, SSLPeerUnverifiedException.class) != null) {
            // our HostnameVerifier re-checks the pin on the session; without a pin this is a CA/hostname failure
            return new Outcome.TlsPinMismatch<>("(session key did not match)", latency);
        }
        if (findCause(e, UnknownHostException.class) != null || findCause(e, NoRouteToHostException.class) != null) {
            return new Outcome.Unreachable<>(e.toString(), latency);
        }
        ConnectException refused = findCause(e, ConnectException.class);
        if (refused != null && String.valueOf(messages(e)).contains("refused")) {
            return new Outcome.Refused<>(refused.getMessage(), latency);
        }
        if (e instanceof InterruptedIOException || findCause(e, SocketTimeoutException.class) != null) {
            return connected
                    ? new Outcome.Hung<>("connected, no complete answer", latency)
                    : new Outcome.Unreachable<>("connect did not complete in time", latency);
        }
        if (refused != null) {
            return new Outcome.Unreachable<>(refused.getMessage(), latency);
        }
        if (findCause(e, SSLException.class) != null) {
            return new Outcome.Failed<>("TLS handshake failed: " + e.getMessage(), latency);
        }
        return new Outcome.Failed<>((connected ? "connection dropped: " : "") + e, latency);
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(' ');
        }
        return sb.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static <X extends Throwable> X findCause(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Set once a connection is acquired: separates "hung" from "could not connect". */
    static final class ConnectFlag {
        volatile boolean connected;
    }

    private static final class ConnectTracker extends EventListener {
        @Override
        public void connectionAcquired(Call call, Connection connection) {
            ConnectFlag flag = call.request().tag(ConnectFlag.class);
            if (flag != null) {
                flag.connected = true;
            }
        }
    }
}
