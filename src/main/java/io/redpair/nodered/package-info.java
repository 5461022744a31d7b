/** Node-RED admin API client over OkHttp and Jackson, with typed outcomes. */
package io.redpair.nodered;
