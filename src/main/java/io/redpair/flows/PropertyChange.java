package io.redpair.flows;

/** One changed property of a node, with short human summaries of the old and new value. */
public record PropertyChange(String property, String before, String after) {
}
