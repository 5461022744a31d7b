/** Lab pair: local Node-RED processes plus a simulated arbiter. */
package io.redpair.lab;
