package io.redpair.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Who did something, as the operating system says: the OS user and the host name. Journalled with every
 * operator action so an audit can tell which engineer confirmed "A is off" from which machine.
 */
public record Actor(String user, String host) {

    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
    }

    /** The user running this JVM on this machine. */
    public static Actor current() {
        return new Actor(System.getProperty("user.name", "unknown"), hostName());
    }

    /** The supervisor itself, for automatic decisions. */
    public static Actor supervisor() {
        return new Actor("redpair", hostName());
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return user + "@" + host;
    }
}
