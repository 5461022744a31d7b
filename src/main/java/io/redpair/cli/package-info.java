/** picocli commands (headless). */
package io.redpair.cli;
