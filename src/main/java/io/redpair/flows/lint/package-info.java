/**
 * HA-readiness lint: finds the places in a flow set that lose state, fire twice, fight or need infrastructure when
 * the pair takes over. Rules and their reasons are tabled in docs/flows.md.
 */
package io.redpair.flows.lint;
