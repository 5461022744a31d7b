package io.redpair.store.secrets;

import java.util.regex.Pattern;

/** The rule for secret names: they appear in site files and on command lines, so keep them plain. */
public final class SecretNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}");

    private SecretNames() {
    }

    /** Throws with a message naming the rule when {@code name} is not a valid secret name. */
    public static String requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid secret name '" + name
                    + "': use 1-128 of A-Z a-z 0-9 _ . - starting with a letter or digit");
        }
        return name;
    }
}
