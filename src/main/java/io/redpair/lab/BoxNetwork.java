package io.redpair.lab;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a lab box listens: the network namespace its process runs in (null = the caller's own) and the
 * address it binds ({@code uiHost}) and is reached at. Loopback by default; the partition tests put each
 * box in a namespace of its own behind a veth pair, so the link between the console and the box can be cut
 * without touching the box.
 *
 * @param namespace a named network namespace ({@code ip netns}), or null
 * @param address   the IPv4 address Node-RED binds and RedPair connects to
 */
public record BoxNetwork(String namespace, String address) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public static final BoxNetwork LOOPBACK = new BoxNetwork(null, "127.0.0.1");

    public BoxNetwork {
        Objects.requireNonNull(address, "address");
        if (namespace != null && !NAME.matcher(namespace).matches()) {
            throw new IllegalArgumentException("network namespace name '" + namespace + "' is not a plain name");
        }
    }

    /** The box runs in {@code namespace} and listens on {@code address} there. */
    public static BoxNetwork inNamespace(String namespace, String address) {
        return new BoxNetwork(Objects.requireNonNull(namespace, "namespace"), address);
    }

    /**
     * What to put before a command so it runs in the namespace. {@code ip netns exec} enters the namespace
     * and then exec()s the command: the PID the JVM tracks is the command's own, so signals reach it.
     */
    public List<String> commandPrefix() {
        return namespace == null ? List.of() : List.of("ip", "netns", "exec", namespace);
    }
}
