package io.redpair.nodered;

import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One logical call: where, how, how long, how big, and what a 404 means there. The same 404 is a
 * disabled feature on {@code POST /flows/state}, "flows not serving" on a heartbeat, and "not a
 * Node-RED admin API here" everywhere else.
 */
record CallSpec(String method, HttpUrl url, RequestBody body, String apiVersion, String deploymentType,
                CallKind kind, long capBytes, NotFoundMeans notFound, boolean authenticated) {

    enum NotFoundMeans { FEATURE_DISABLED, NOT_SERVING, WRONG_ADMIN_ROOT }

    static CallSpec adminGet(HttpUrl url, CallKind kind) {
        return new CallSpec("GET", url, null, null, null, kind, CallKind.SMALL_CAP_BYTES,
                NotFoundMeans.WRONG_ADMIN_ROOT, true);
    }

    CallSpec withApiVersion(String version) {
        return new CallSpec(method, url, body, version, deploymentType, kind, capBytes, notFound, authenticated);
    }

    CallSpec withCap(long cap) {
        return new CallSpec(method, url, body, apiVersion, deploymentType, kind, cap, notFound, authenticated);
    }

    Request toRequest(AuthHeader auth) {
        Request.Builder b = new Request.Builder().url(url).method(method, body)
                .header("Accept", "application/json");
        if (apiVersion != null) {
            b.header("Node-RED-API-Version", apiVersion);
        }
        if (deploymentType != null) {
            b.header("Node-RED-Deployment-Type", deploymentType);
        }
        if (authenticated && auth != null) {
            b.header(auth.name(), auth.value());
        }
        return b.build();
    }

    /** What to send for authentication; {@code toString} hides the value. */
    record AuthHeader(String name, String value) {
        @Override
        public String toString() {
            return "AuthHeader[" + name + ": ***]";
        }
    }
}
