/**
 * Benchmark 1, flow throughput CSV to PostgreSQL: Cairn's flow, the same route on bare Camel, and PostgreSQL
 * {@code COPY}, all loading one generated file into the same table shape.
 */
package io.cairn.bench.flow;
