/**
 * RedPair approver accounts for the two-person rule (ADR 0075): names with salted PBKDF2 password hashes
 * in {@code <site>.approvers.json}, beside the site. Only hashes are stored; passwords are {@code char[]}
 * and wiped by whoever read them.
 */
package io.redpair.store.approvers;
