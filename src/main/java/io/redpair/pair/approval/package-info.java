/**
 * Deliberate actions: a typed confirmation naming the target and, when the site asks for it, a second
 * person within a time window. Pure logic (JDK only, time passed in as monotonic nanos): the CLI, the
 * GUI and the supervisor call it and record its outcomes in the audit trail.
 */
package io.redpair.pair.approval;
