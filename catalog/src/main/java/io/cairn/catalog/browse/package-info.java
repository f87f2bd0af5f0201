/**
 * Read-only views across the catalog for people: text search over datasets, columns, flows, tags and owners,
 * and the figures a dataset's page shows (schema versions, owners, quality history, one hop of lineage).
 */
package io.cairn.catalog.browse;
