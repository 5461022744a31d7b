/** The domain: site, pairs, boxes, policy. Plain records; JDK only. */
package io.redpair.pair;
