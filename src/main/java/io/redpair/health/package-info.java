/** Probe results to box conditions; failure detectors (deadline, phi) with time passed in. */
package io.redpair.health;
