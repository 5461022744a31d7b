package io.redpair.cli;

import io.redpair.nodered.NodeRedAuth;
import io.redpair.store.SecretResolver;
import picocli.CommandLine.Option;

/**
 * How to log in to a Node-RED given as a flows source URL ({@code --from http://dev:1880}), with the same kinds as
 * a box in the site file: none, a user with a password, or a static token ({@code adminAuth.tokens}). Secrets are
 * never taken as arguments: the password or token is a secret reference ({@code env:NAME}, {@code vault:NAME},
 * {@code keychain:NAME}) resolved by {@link SecretResolver}. A picocli mixin of the commands that read sources.
 */
final class SourceAuthOptions {

    @Option(names = "--from-user", paramLabel = "NAME",
            description = "Source URL: log in as this Node-RED user (password from --from-password-ref).")
    String user;

    @Option(names = "--from-password-ref", paramLabel = "REF",
            description = "Source URL: the user's password as a secret reference, e.g. env:DEV_NR_PW or vault:dev-nr.")
    String passwordRef;

    @Option(names = "--from-token-ref", paramLabel = "REF",
            description = "Source URL: a static admin token (adminAuth.tokens) as a secret reference.")
    String tokenRef;

    @Option(names = "--from-token-header", paramLabel = "HEADER",
            description = "Source URL: the header carrying the token (default Authorization: Bearer).")
    String tokenHeader;

    /** The login these options describe; IllegalArgumentException (said to the engineer) when incomplete. */
    NodeRedAuth auth(SecretResolver secrets) {
        if (user == null && passwordRef == null && tokenRef == null && tokenHeader == null) {
            return new NodeRedAuth.None();
        }
        if (tokenRef != null && (user != null || passwordRef != null)) {
            throw new IllegalArgumentException("give either --from-user with --from-password-ref, or --from-token-ref, not both");
        }
        try {
            if (tokenRef != null) {
                return new NodeRedAuth.StaticToken(tokenHeader, secrets.resolve(tokenRef));
            }
            if (tokenHeader != null) {
                throw new IllegalArgumentException("--from-token-header needs --from-token-ref");
            }
            if (user == null || passwordRef == null) {
                throw new IllegalArgumentException("--from-user and --from-password-ref go together");
            }
            return new NodeRedAuth.Password(user, secrets.resolve(passwordRef), "read"); // a source is only read
        } catch (SecretResolver.SecretException e) {
            throw new IllegalArgumentException("source login: " + e.getMessage(), e);
        }
    }
}
