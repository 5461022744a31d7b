/** Drill runner, timelines and reports. */
package io.redpair.drill;
