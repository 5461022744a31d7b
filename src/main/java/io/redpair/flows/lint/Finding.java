package io.redpair.flows.lint;

import io.redpair.flows.NodeRef;

/**
 * One lint result.
 *
 * @param rule a stable id (see docs/flows.md), for filtering and for programs reading --json
 * @param problem what happens on takeover, in one sentence
 * @param why the mechanism behind it, so the engineer can judge their case
 * @param action what to do about it
 */
public record Finding(String rule, Severity severity, NodeRef node, String problem, String why, String action) {
}
