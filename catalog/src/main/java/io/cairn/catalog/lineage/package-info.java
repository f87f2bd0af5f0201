/**
 * Lineage in the catalog: OpenLineage jobs, runs, dataset versions, dataset-level and column-level edges
 * and the raw events, written one event per transaction and walked with recursive CTEs (PostgreSQL and
 * H2 alike). Knows nothing of JSON: callers hand in what they parsed.
 */
package io.cairn.catalog.lineage;
