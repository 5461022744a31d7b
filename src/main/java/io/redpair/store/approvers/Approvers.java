package io.redpair.store.approvers;

import io.redpair.store.Actor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The approver accounts of one site: add, remove, authenticate. Every call re-reads the file, so an
 * account removed by another console stops working at once. Passwords are never kept or logged.
 */
public final class Approvers {

    private static final String ZERO_16 = java.util.Base64.getEncoder().encodeToString(new byte[16]);
    private static final String ZERO_32 = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private final Path file;
    private final int iterations;
    private final Clock clock;

    public Approvers(Path file, int iterations, Clock clock) {
        this.file = file;
        this.iterations = iterations;
        this.clock = clock;
    }

    public static Approvers forSite(Path siteFile) {
        return new Approvers(ApproverFile.fileFor(siteFile), PasswordHash.DEFAULT_ITERATIONS, Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    /** Adds {@code name} or replaces its password; the caller wipes {@code password}. */
    public ApproverAccount put(String name, char[] password, Actor addedBy) throws ApproverFileException {
        ApproverAccount.requireName(name);
        if (password == null || password.length < 8) {
            throw new IllegalArgumentException("an approver password needs at least 8 characters");
        }
        Map<String, ApproverAccount> all = new TreeMap<>(ApproverFile.load(file));
        ApproverAccount account = new ApproverAccount(name, PasswordHash.create(password, iterations),
                addedBy.toString(), clock.instant());
        all.put(name, account);
        ApproverFile.save(file, all);
        return account;
    }

    /** True when {@code name} existed and was removed. */
    public boolean remove(String name) throws ApproverFileException {
        Map<String, ApproverAccount> all = new TreeMap<>(ApproverFile.load(file));
        if (all.remove(name) == null) {
            return false;
        }
        ApproverFile.save(file, all);
        return true;
    }

    public Map<String, ApproverAccount> list() throws ApproverFileException {
        return ApproverFile.load(file);
    }

    /** The account when {@code password} is right; empty for a wrong password or an unknown name (not told apart). */
    public Optional<ApproverAccount> authenticate(String name, char[] password) throws ApproverFileException {
        ApproverAccount account = name == null ? null : ApproverFile.load(file).get(name);
        if (account == null || password == null) {
            // same work as a real check, so a wrong name costs as much time as a wrong password
            new PasswordHash(iterations, ZERO_16, ZERO_32).matches(password == null ? new char[0] : password);
            return Optional.empty();
        }
        return account.password().matches(password) ? Optional.of(account) : Optional.empty();
    }
}
