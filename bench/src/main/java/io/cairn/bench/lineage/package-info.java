/** The lineage benchmark: ingest throughput and lineage query latency on a generated graph in PostgreSQL. */
package io.cairn.bench.lineage;
