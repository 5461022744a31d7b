package io.redpair.nodered;

import java.nio.CharBuffer;
import java.util.concurrent.CompletableFuture;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the auth header for admin calls. For the password grant it holds at most one access
 * token (or one token request in flight, shared by concurrent callers), drops it when the box
 * rejects it, and revokes it on close. Tokens and passwords never reach a log line or an outcome.
 */
final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    static final String CLIENT_ID = "node-red-admin";

    private final NodeRedAuth auth;
    private final HttpUrl tokenUrl;
    private final HttpUrl revokeUrl;
    private final String box;
    private CompletableFuture<Outcome<String>> token; // guarded by this

    Authenticator(NodeRedAuth auth, AdminUrls urls) {
        this.auth = auth;
        this.tokenUrl = urls.admin("auth/token");
        this.revokeUrl = urls.admin("auth/revoke");
        this.box = urls.display();
    }

    /** True when a 401 challenge may be cured by logging in again (password grant only). */
    boolean canReauthenticate() {
        return auth instanceof NodeRedAuth.Password;
    }

    CompletableFuture<Outcome<CallSpec.AuthHeader>> header(Exchanger ex, long t0) {
        if (auth instanceof NodeRedAuth.StaticToken st) {
            CallSpec.AuthHeader h = st.header() == null
                    ? new CallSpec.AuthHeader("Authorization", "Bearer " + new String(st.token()))
                    : new CallSpec.AuthHeader(st.header(), new String(st.token()));
            return CompletableFuture.completedFuture(new Outcome.Ok<>(h, System.nanoTime() - t0));
        }
        if (auth instanceof NodeRedAuth.Password pw) {
            return token(pw, ex, t0).thenApply(o -> o.map(t -> new CallSpec.AuthHeader("Authorization", "Bearer " + t)));
        }
        return CompletableFuture.completedFuture(new Outcome.Ok<>(null, System.nanoTime() - t0));
    }

    /** Forgets the token that produced {@code used}, so the next call logs in again. */
    synchronized void invalidate(CallSpec.AuthHeader used) {
        if (token != null && token.isDone() && used != null) {
            Outcome<String> current = token.join();
            if (current.isOk() && used.value().equals("Bearer " + current.value())) {
                token = null;
                LOG.info("{}: access token rejected, logging in again", box);
            }
        }
    }

    private synchronized CompletableFuture<Outcome<String>> token(NodeRedAuth.Password pw, Exchanger ex, long t0) {
        if (token != null && (!token.isDone() || token.join().isOk())) {
            return token;
        }
        FormBody form = new FormBody.Builder()
                .add("client_id", CLIENT_ID)
                .add("grant_type", "password")
                .add("scope", pw.scope())
                .add("username", pw.username())
                .add("password", CharBuffer.wrap(pw.password()).toString())
                .build();
        Request request = new Request.Builder().url(tokenUrl).post(form).header("Accept", "application/json").build();
        CallSpec spec = new CallSpec("POST", tokenUrl, form, null, null, CallKind.ADMIN, CallKind.SMALL_CAP_BYTES,
                CallSpec.NotFoundMeans.WRONG_ADMIN_ROOT, false);
        CompletableFuture<Outcome<String>> fetch = ex.send(request, CallKind.ADMIN, CallKind.SMALL_CAP_BYTES, t0)
                .thenApply(o -> o.isOk() ? tokenOutcome(o.value(), spec, t0) : ((Outcome.Failure<Answer>) o).retype());
        token = fetch;
        fetch.thenAccept(o -> {
            if (o.isOk()) {
                LOG.info("{}: password grant for '{}' (scope {}): ok", box, pw.username(), pw.scope());
            } else {
                LOG.debug("{}: password grant for '{}' (scope {}): {}", box, pw.username(), pw.scope(), o.describe());
            }
        });
        return fetch;
    }

    private static Outcome<String> tokenOutcome(Answer a, CallSpec spec, long t0) {
        long latency = System.nanoTime() - t0;
        if (a.status() == 403) {
            return new Outcome.Forbidden<>("login refused: " + Responses.errorText(a)
                    + " (wrong password, or a scope beyond the user's permissions)", latency);
        }
        if (a.status() == 401) {
            return new Outcome.Unauthorized<>("token endpoint refused client " + CLIENT_ID, latency);
        }
        return Responses.interpret(a, spec, Parsers::accessToken, latency);
    }

    /**
     * Best-effort revoke of the current token (Node-RED keeps tokens 7 days otherwise), bounded by
     * the short probe timeout so closing a client of a hung box does not stall shutdown.
     */
    void revoke(HttpTransport transport) {
        CompletableFuture<Outcome<String>> current;
        synchronized (this) {
            current = token;
            token = null;
        }
        if (current == null || !current.isDone() || !current.join().isOk()) {
            return;
        }
        String t = current.join().value();
        Request request = new Request.Builder().url(revokeUrl)
                .header("Authorization", "Bearer " + t)
                .post(new FormBody.Builder().add("token", t).build()).build();
        Outcome<Answer> result = transport.execute(request, CallKind.PROBE, CallKind.SMALL_CAP_BYTES, System.nanoTime()).join();
        LOG.info("{}: token revoke: {}", box, result.isOk() ? "status " + result.value().status() : result.describe());
    }
}
