package io.redpair.store.approvers;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One person who may request or approve deliberate actions under the two-person rule.
 *
 * @param name    the login, lower-case letters, digits, '.', '-' and '_' (so it cannot imitate another)
 * @param addedBy {@code user@host} of whoever created the account (also in the audit trail)
 */
public record ApproverAccount(String name, PasswordHash password, String addedBy, Instant addedAt) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public ApproverAccount {
        requireName(name);
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** Throws with the rule when {@code name} is not a valid approver name. */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("approver name must be 1-64 of a-z 0-9 . _ - (starting with a letter or"
                    + " digit), got '" + name + "'");
        }
        return name;
    }
}
