package io.redpair.nodered;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The parts of {@code GET /settings} RedPair acts on. {@code user} is null without adminAuth.
 * {@code httpNodeRoot} always ends with '/', as Node-RED reports it.
 */
public record NodeRedSettings(String version, boolean runtimeStateEnabled, String flowEncryptionType,
                              String httpNodeRoot, User user, JsonNode raw) {

    public NodeRedSettings {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(httpNodeRoot, "httpNodeRoot");
    }

    /** The authenticated admin user and its permissions ({@code "*"}, {@code "read"}, ...). */
    public record User(String username, String permissions) { }
}
