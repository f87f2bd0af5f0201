/**
 * The collector benchmark: Segment batches of 100 events posted by 32 concurrent clients to a running Cairn's
 * {@code /v1/batch}, beside a bare Jetty endpoint in the same run that only parses the same JSON.
 */
package io.cairn.bench.collector;
