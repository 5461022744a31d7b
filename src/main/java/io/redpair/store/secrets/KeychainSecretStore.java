package io.redpair.store.secrets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code keychain:NAME} secrets in the OS keychain: on Linux the freedesktop Secret Service (GNOME
 * Keyring, KWallet's bridge, KeePassXC) through {@code secret-tool}; see ADR 0078. Items carry the
 * attributes {@code service=redpair account=NAME}, so other programs' items are never touched.
 *
 * <p>Invariants: a secret crosses only the child's stdin/stdout and is wiped from our buffers at once;
 * a missing, unreachable or locked keychain is an exception naming the cause and the alternatives,
 * never a fallback; no value is ever logged. macOS and Windows have no backend in this build: asking
 * for one is {@link KeychainException.Unavailable} with the same advice.
 */
public final class KeychainSecretStore implements SecretStore {

    public static final String PREFIX = "keychain:";
    /** Long enough for a person to answer a desktop unlock prompt; a headless locked keyring fails at once. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(KeychainSecretStore.class);
    private static final String SERVICE = "redpair";
    private static final String NAME_ATTRIBUTE = "attribute.account = ";

    private final SecretTool tool;

    KeychainSecretStore(SecretTool tool) {
        this.tool = tool;
    }

    /**
     * The keychain of the session described by {@code env} (its {@code DBUS_SESSION_BUS_ADDRESS}); throws
     * {@link KeychainException.Unavailable} on an OS without a backend here.
     */
    public static KeychainSecretStore forEnvironment(Map<String, String> env) {
        return forBus(env.get(SecretTool.BUS_ENV), DEFAULT_TIMEOUT);
    }

    /** The keychain on the session bus at {@code busAddress} (e.g. a private test bus). */
    public static KeychainSecretStore forBus(String busAddress, Duration timeout) {
        String os = System.getProperty("os.name", "unknown");
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
            throw new KeychainException.Unavailable("no OS keychain backend for " + os + " in this build (only the"
                    + " Linux Secret Service); " + KeychainException.ALTERNATIVES);
        }
        return new KeychainSecretStore(new SecretTool("secret-tool", busAddress, timeout));
    }

    public static boolean handles(String reference) {
        return reference != null && reference.startsWith(PREFIX);
    }

    @Override
    public Optional<char[]> get(String name) {
        SecretNames.requireValid(name);
        SecretTool.Result result = tool.run(new byte[0], true, "lookup", "service", SERVICE, "account", name);
        try {
            if (result.ok()) {
                return Optional.of(decode(result.stdout()));
            }
        } finally {
            SecretTool.wipe(result.stdout());
        }
        if (!result.stderr().isEmpty()) {
            throw failure("read " + name + " from", result.stderr());
        }
        // secret-tool says nothing both for "no such item" and "item locked": ask which
        if (search(name).locked()) {
            throw locked("read " + name + " from");
        }
        return Optional.empty();
    }

    @Override
    public void put(String name, char[] value) {
        SecretNames.requireValid(name);
        if (value.length == 0) {
            throw new SecretStoreException("an empty secret is not stored; nothing was written to the keychain");
        }
        byte[] bytes = encode(value);
        SecretTool.Result result;
        try {
            result = tool.run(bytes, false, "store", "--label=RedPair secret " + name,
                    "service", SERVICE, "account", name);
        } finally {
            SecretTool.wipe(bytes);
        }
        if (!result.ok()) {
            throw failure("store " + name + " in", result.stderr());
        }
        LOG.info("secret {} stored in the OS keychain", name);
    }

    @Override
    public boolean delete(String name) {
        SecretNames.requireValid(name);
        Listing listing = search(name);
        if (listing.locked()) {
            throw locked("delete " + name + " from");
        }
        if (!listing.names().contains(name)) {
            return false;
        }
        SecretTool.Result result = tool.run(new byte[0], false, "clear", "service", SERVICE, "account", name);
        if (!result.ok()) {
            throw failure("delete " + name + " from", result.stderr());
        }
        LOG.info("secret {} deleted from the OS keychain", name);
        return true;
    }

    @Override
    public SortedSet<String> names() {
        Listing listing = search(null);
        if (listing.locked()) {
            throw locked("list the secrets in");
        }
        return listing.names();
    }

    /** Nothing is held in memory between calls. */
    @Override
    public void close() {
    }

    private record Listing(SortedSet<String> names, boolean locked) {
    }

    /**
     * RedPair's items (or the one named), from {@code secret-tool search}: it prints attributes on stderr and
     * secrets on stdout, so stdout is discarded unread and only the names are taken.
     */
    private Listing search(String name) {
        SecretTool.Result result = name == null
                ? tool.run(new byte[0], false, "search", "--all", "service", SERVICE)
                : tool.run(new byte[0], false, "search", "--all", "service", SERVICE, "account", name);
        SortedSet<String> names = new TreeSet<>();
        boolean locked = false;
        for (String line : result.stderr().split("\n")) {
            if (line.startsWith(NAME_ATTRIBUTE)) {
                names.add(line.substring(NAME_ATTRIBUTE.length()).strip());
            } else if (line.toLowerCase(Locale.ROOT).contains("locked")) {
                locked = true;
            } else if (line.startsWith("secret-tool:")) {
                throw failure("search", line);
            }
        }
        if (!result.ok()) {
            throw failure("search", result.stderr());
        }
        return new Listing(names, locked);
    }

    private static KeychainException failure(String action, String stderr) {
        if (stderr.toLowerCase(Locale.ROOT).contains("locked")) {
            return locked(action);
        }
        String cause = stderr.isBlank() ? "secret-tool failed without a message" : stderr.replace('\n', ' ');
        return new KeychainException.Unavailable("cannot " + action + " the OS keychain: " + cause
                + " (is a Secret Service such as gnome-keyring running in this session?); "
                + KeychainException.ALTERNATIVES);
    }

    private static KeychainException locked(String action) {
        return new KeychainException.Locked("cannot " + action + " the OS keychain: it is locked; unlock it"
                + " (log in to the desktop session, or unlock the 'login' keyring) and try again, or "
                + KeychainException.ALTERNATIVES);
    }

    private static byte[] encode(char[] value) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    private static char[] decode(byte[] bytes) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] value = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        return value;
    }
}
