package io.redpair.cli;

import io.redpair.pair.SecretStoreKind;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import io.redpair.store.secrets.EncryptedFileSecretStore;
import io.redpair.store.secrets.KeychainException;
import io.redpair.store.secrets.KeychainSecretStore;
import io.redpair.store.secrets.SecretStore;
import io.redpair.store.secrets.MasterPassword;
import io.redpair.store.secrets.SecretStoreException;
import io.redpair.store.secrets.VaultLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code redpair secret set|delete|list}: manages the secrets that {@code vault:NAME} (encrypted vault)
 * and {@code keychain:NAME} (OS keychain) references in a site file point to. The store is
 * {@code --store}, else the site's {@code secretStore} ({@code --site}), else the vault. Values are read
 * without echo or from stdin, never from an argument (arguments show up in process lists and shell history).
 * A keychain that is missing or locked is an error; nothing falls back to another store.
 */
@Command(name = "secret", description = "Manage secrets in the encrypted vault (vault:NAME) or the OS keychain"
        + " (keychain:NAME).",
        subcommands = {SecretCommand.Set.class, SecretCommand.Delete.class, SecretCommand.ListNames.class})
public final class SecretCommand {

    final Terminal terminal;

    @Option(names = "--vault", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Vault file (default: $REDPAIR_VAULT or ~/.config/redpair/secrets.rpv).")
    Path vault;

    @Option(names = "--store", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "vault|keychain",
            converter = StoreConverter.class,
            description = "Where the secret lives (default: the site's secretStore with --site, else vault).")
    SecretStoreKind store;

    @Option(names = "--site", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "FILE",
            description = "Site file whose secretStore setting picks the default store.")
    Path site;

    public SecretCommand() {
        this(Terminal.system());
    }

    public SecretCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    Path vaultFile() {
        return VaultLocation.resolve(vault, terminal.env(), terminal.home());
    }

    /** The store chosen by {@code --store}, the site's setting, or the vault, in that order. */
    SecretStoreKind storeKind() throws SiteFileException {
        if (store != null) {
            return store;
        }
        return site == null ? SecretStoreKind.VAULT : SiteFile.load(site).secretStore();
    }

    /** Opens the chosen store; {@code mayCreate} lets a first {@code set} create the vault. */
    SecretStore openStore(boolean mayCreate) throws SiteFileException {
        return storeKind() == SecretStoreKind.KEYCHAIN ? KeychainSecretStore.forEnvironment(terminal.env())
                : open(mayCreate);
    }

    /** Where a store keeps its secrets, for messages. */
    static String where(SecretStore store) {
        return store instanceof EncryptedFileSecretStore file ? file.file().toString() : "the OS keychain";
    }

    EncryptedFileSecretStore open(boolean mayCreate) {
        Path file = vaultFile();
        boolean creating = mayCreate && !Files.exists(file);
        if (!mayCreate && !Files.exists(file)) {
            throw new SecretStoreException(file + ": no vault here (create one with 'redpair secret set NAME')");
        }
        char[] master = MasterPassword.obtain(terminal.env(), terminal::readHidden, creating);
        try {
            return EncryptedFileSecretStore.openOrCreate(file, master, EncryptedFileSecretStore.DEFAULT_ITERATIONS);
        } finally {
            Arrays.fill(master, '\0');
        }
    }

    /** Runs {@code action}; store errors become a one-line message and an exit code. */
    static int guarded(CommandSpec spec, Callable<Integer> action) throws Exception {
        try {
            return action.call();
        } catch (SecretStoreException.WrongPassword e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.REFUSED;
        } catch (KeychainException e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        } catch (SecretStoreException | IllegalArgumentException | SiteFileException e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    @Command(name = "set", description = "Store a secret; the value is read without echo, or from stdin with --stdin.")
    static final class Set implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand SecretCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--stdin", description = "Read the value from stdin (one trailing newline is dropped).")
        boolean stdin;

        @Override
        public Integer call() throws Exception {
            return guarded(spec, () -> {
                io.redpair.store.secrets.SecretNames.requireValid(name);
                char[] value = stdin ? readStdin(parent.terminal) : parent.terminal.readHidden("Value for " + name + ": ");
                if (value == null) {
                    throw new SecretStoreException("no console to read the value from; use --stdin");
                }
                SecretStoreKind kind = parent.storeKind();
                try (SecretStore store = parent.openStore(true)) {
                    store.put(name, value);
                    spec.commandLine().getOut().println("stored " + name + " in " + where(store)
                            + " (reference: " + kind.reference(name) + ")");
                } finally {
                    Arrays.fill(value, '\0');
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "delete", description = "Remove a secret.")
    static final class Delete implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand SecretCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            return guarded(spec, () -> {
                try (SecretStore store = parent.openStore(false)) {
                    if (!store.delete(name)) {
                        spec.commandLine().getErr().println("redpair: no secret named " + name + " in " + where(store));
                        return ExitCodes.FAILED;
                    }
                    spec.commandLine().getOut().println("deleted " + name);
                    return ExitCodes.OK;
                }
            });
        }
    }

    @Command(name = "list", description = "List the names of the stored secrets (never their values).")
    static final class ListNames implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand SecretCommand parent;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return guarded(spec, () -> {
                try (SecretStore store = parent.openStore(false)) {
                    PrintWriter out = spec.commandLine().getOut();
                    store.names().forEach(out::println);
                    return ExitCodes.OK;
                }
            });
        }
    }

    /** {@code --store vault|keychain}, case-insensitive, with the allowed words in the error. */
    static final class StoreConverter implements picocli.CommandLine.ITypeConverter<SecretStoreKind> {
        @Override
        public SecretStoreKind convert(String value) {
            for (SecretStoreKind kind : SecretStoreKind.values()) {
                if (kind.word().equalsIgnoreCase(value)) {
                    return kind;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "': expected vault or keychain");
        }
    }

    /** Reads all of stdin as UTF-8 into a char[], dropping one trailing newline; wipes the byte buffers. */
    static char[] readStdin(Terminal terminal) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] bytes = null;
        try {
            terminal.stdin().transferTo(buffer);
            bytes = buffer.toByteArray();
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int end = chars.limit();
            if (end > 0 && chars.get(end - 1) == '\n') {
                end--;
            }
            if (end > 0 && chars.get(end - 1) == '\r') {
                end--;
            }
            char[] value = Arrays.copyOfRange(chars.array(), 0, end);
            Arrays.fill(chars.array(), '\0');
            if (value.length == 0) {
                throw new SecretStoreException("empty value on stdin; nothing stored");
            }
            return value;
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }
}
