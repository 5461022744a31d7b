package io.redpair.store.approvers;

import java.util.Arrays;
import java.util.Objects;

/**
 * A name and password someone typed to prove who they are. Holds the caller's array (not a copy): the
 * caller wipes it with {@link #wipe()} once the gate has answered.
 */
public record Login(String name, char[] password) {

    public Login {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
    }

    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "Login[" + name + "]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
