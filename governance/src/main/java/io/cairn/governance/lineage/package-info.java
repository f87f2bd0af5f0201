/**
 * Native OpenLineage: {@link io.cairn.governance.lineage.LineageRecorder} turns what the runtime reports
 * for every run (reads, steps with their declared {@link io.cairn.spi.step.ColumnDerivation}s, writes,
 * plain endpoints) into RunEvents with schema, column lineage, statistics and error facets;
 * {@link io.cairn.governance.lineage.LineageIngest} validates events (Cairn's own and other producers') with
 * {@link io.cairn.governance.lineage.EventValidator} and stores them in the catalog.
 */
package io.cairn.governance.lineage;
