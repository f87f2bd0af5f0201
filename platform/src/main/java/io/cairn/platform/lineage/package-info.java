/**
 * Lineage in the server: the Marquez-compatible OpenLineage API ({@code POST/GET /api/v1/lineage}), Cairn's
 * column lineage and impact endpoints, and the wiring of the recorder and the ingest.
 */
package io.cairn.platform.lineage;
