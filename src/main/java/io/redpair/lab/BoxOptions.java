package io.redpair.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one local Node-RED box. Immutable; the {@code with...} methods return changed copies.
 *
 * @param flowsFile        flows to load; null loads the RedPair canary only
 * @param runtimeState     {@code runtimeState: {enabled: true}} (false = the feature absent)
 * @param bootStopped      pre-seed {@code .config.runtime.json} with {@code runtimeFlowState: stop}
 *                         before the first start (the hot-spare boot guard)
 * @param users            adminAuth users (hashed with bcrypt at start); empty = no user login
 * @param staticToken      a static machine token accepted through {@code adminAuth.tokens}, or null
 * @param tokenHeader      header for the static token; null = {@code Authorization: Bearer}
 * @param sessionExpirySeconds adminAuth {@code sessionExpiryTime}, null = Node-RED's 7 days
 * @param https            serve https with a fresh self-signed certificate (made by openssl)
 * @param httpAdminRoot    e.g. {@code "/admin"}, null = "/"
 * @param httpNodeRoot     e.g. {@code "/api"}, null = "/"
 * @param heartbeatPath    flow-served path awaited for readiness (under httpNodeRoot)
 * @param env              extra environment for the process (e.g. REDPAIR_CANARY_MARKER)
 * @param network          namespace and address the box runs in and listens on (loopback by default)
 */
public record BoxOptions(Path flowsFile, boolean runtimeState, boolean bootStopped, List<AdminUser> users,
                         String staticToken, String tokenHeader, Integer sessionExpirySeconds, boolean https,
                         String httpAdminRoot, String httpNodeRoot, String heartbeatPath, Map<String, String> env,
                         BoxNetwork network) {

    public static final String CANARY_PATH = "/redpair/heartbeat";

    /** An adminAuth user; permissions {@code "*"} or {@code "read"}. */
    public record AdminUser(String username, String password, String permissions) {
        public AdminUser {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(permissions, "permissions");
        }

        @Override
        public String toString() {
            return "AdminUser[" + username + ", permissions=" + permissions + ", password=***]";
        }
    }

    public BoxOptions {
        users = List.copyOf(users);
        env = Map.copyOf(env);
        Objects.requireNonNull(heartbeatPath, "heartbeatPath");
        Objects.requireNonNull(network, "network");
    }

    public static BoxOptions defaults() {
        return new BoxOptions(null, true, false, List.of(), null, null, null, false, null, null, CANARY_PATH, Map.of(),
                BoxNetwork.LOOPBACK);
    }

    public boolean hasAdminAuth() {
        return !users.isEmpty() || staticToken != null;
    }

    public BoxOptions withFlows(Path file) {
        return new BoxOptions(file, runtimeState, bootStopped, users, staticToken, tokenHeader, sessionExpirySeconds,
                https, httpAdminRoot, httpNodeRoot, heartbeatPath, env, network);
    }

    public BoxOptions withRuntimeState(boolean enabled) {
        return new BoxOptions(flowsFile, enabled, bootStopped, users, staticToken, tokenHeader, sessionExpirySeconds,
                https, httpAdminRoot, httpNodeRoot, heartbeatPath, env, network);
    }

    public BoxOptions withBootStopped(boolean stopped) {
        return new BoxOptions(flowsFile, runtimeState, stopped, users, staticToken, tokenHeader, sessionExpirySeconds,
                https, httpAdminRoot, httpNodeRoot, heartbeatPath, env, network);
    }

    public BoxOptions withUsers(AdminUser... newUsers) {
        return new BoxOptions(flowsFile, runtimeState, bootStopped, List.of(newUsers), staticToken, tokenHeader,
                sessionExpirySeconds, https, httpAdminRoot, httpNodeRoot, heartbeatPath, env, network);
    }

    public BoxOptions withStaticToken(String token, String header) {
        return new BoxOptions(flowsFile, runtimeState, bootStopped, users, token, header, sessionExpirySeconds,
                https, httpAdminRoot, httpNodeRoot, heartbeatPath, env, network);
    }

    public BoxOptions withSessionExpirySeconds(Integer seconds) {
        return new BoxOptions(flowsFile, runtimeState, bootStopped, users, staticToken, tokenHeader, seconds,
                https, httpAdminRoot, httpNodeRoot, heartbeatPath, env, network);
    }

    public BoxOptions withHttps(boolean on) {
        return new BoxOptions(flowsFile, runtimeState, bootStopped, users, staticToken, tokenHeader, sessionExpirySeconds,
                on, httpAdminRoot, httpNodeRoot, heartbeatPath, env, network);
    }

    public BoxOptions withRoots(String adminRoot, String nodeRoot) {
        return new BoxOptions(flowsFile, runtimeState, bootStopped, users, staticToken, tokenHeader, sessionExpirySeconds,
                https, adminRoot, nodeRoot, heartbeatPath, env, network);
    }

    public BoxOptions withHeartbeatPath(String path) {
        return new BoxOptions(flowsFile, runtimeState, bootStopped, users, staticToken, tokenHeader, sessionExpirySeconds,
                https, httpAdminRoot, httpNodeRoot, path, env, network);
    }

    /** Runs the box in a network namespace, listening on {@code network.address()}. */
    public BoxOptions withNetwork(BoxNetwork newNetwork) {
        return new BoxOptions(flowsFile, runtimeState, bootStopped, users, staticToken, tokenHeader, sessionExpirySeconds,
                https, httpAdminRoot, httpNodeRoot, heartbeatPath, env, newNetwork);
    }

    public BoxOptions withEnv(Map<String, String> newEnv) {
        return new BoxOptions(flowsFile, runtimeState, bootStopped, users, staticToken, tokenHeader, sessionExpirySeconds,
                https, httpAdminRoot, httpNodeRoot, heartbeatPath, newEnv, network);
    }
}
