package io.redpair.store.secrets;

import java.util.Optional;
import java.util.SortedSet;

/**
 * A place secrets are kept by name. Values are {@code char[]} so callers can wipe them after use
 * ({@link java.util.Arrays#fill(char[], char)}); implementations return copies, never their own arrays.
 */
public interface SecretStore extends AutoCloseable {

    /** A copy of the value, or empty when no secret has that name. The caller wipes the copy. */
    Optional<char[]> get(String name);

    /** Stores (or replaces) a secret; the store copies {@code value}, the caller may wipe it afterwards. */
    void put(String name, char[] value);

    /** Removes a secret; returns false when none had that name. */
    boolean delete(String name);

    /** The names only, sorted. */
    SortedSet<String> names();

    /** Wipes the values and keys held in memory. */
    @Override
    void close();
}
