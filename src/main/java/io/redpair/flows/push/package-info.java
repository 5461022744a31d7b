/**
 * Pushing a flow set to both boxes of a pair: a plan (spare first, then the active in place with the least
 * disruptive deployment type) and its execution with revision-guarded deploys.
 */
package io.redpair.flows.push;
