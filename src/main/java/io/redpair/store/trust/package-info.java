/**
 * TLS trust on first use: per-box SubjectPublicKeyInfo SHA-256 pins in {@code <site>.pins.json}, a
 * current and a next pin for key rotation. A changed key is refused, never re-trusted silently: the
 * only way to a new key is an operator's typed confirmation (or a pre-confirmed next pin).
 */
package io.redpair.store.trust;
