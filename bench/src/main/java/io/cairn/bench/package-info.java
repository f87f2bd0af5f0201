/**
 * Cairn's benchmarks: {@link io.cairn.bench.Benchmarks} ({@code bin/cairn bench}) runs end-to-end measurements
 * of the real server and prints each figure beside its baseline, taken in the same run. They are measurements,
 * not timed tests: nothing here asserts a speed.
 */
package io.cairn.bench;
