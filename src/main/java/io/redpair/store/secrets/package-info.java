/**
 * Secrets at rest: an encrypted file store unlocked by a master password ({@code vault:NAME} references).
 * Values live in memory as {@code char[]} and are wiped when the store closes. Nothing here ever
 * writes a secret in clear to disk or to a log; there is no plaintext fallback. See docs/security.md.
 */
package io.redpair.store.secrets;
