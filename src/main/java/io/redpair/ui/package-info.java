/** JavaFX views and view models; the only package that imports javafx. */
package io.redpair.ui;
