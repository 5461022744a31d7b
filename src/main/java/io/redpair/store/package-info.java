/** Site file, journal (SQLite), secrets and TLS pins. */
package io.redpair.store;
