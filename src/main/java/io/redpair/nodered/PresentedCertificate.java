package io.redpair.nodered;

import java.time.Instant;

/**
 * What a box presented in its TLS handshake, for the operator to confirm on first use.
 * {@code spkiSha256} is the value to store as the box's TLS pin.
 */
public record PresentedCertificate(String subject, String issuer, Instant notBefore, Instant notAfter,
                                   String spkiSha256, boolean selfSigned) { }
