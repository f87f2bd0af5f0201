package io.cairn.platform.browse;

import io.cairn.catalog.browse.DatasetPageQueries.Neighbour;
import io.cairn.catalog.browse.DatasetPageQueries.Quality;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON of a dataset's page (the agreed contract). */
public record DatasetPage(long id, String namespace, String name, String description, List<String> owners,
    List<String> tags, List<Column> schema, List<Version> versions, List<Quality> quality,
    Map<String, List<Neighbour>> lineage) {

  /** A column of the current schema with the tags it has now (a steward's override wins). */
  public record Column(String name, String type, List<String> tags) {}

  /** A schema version and what changed from the one before (the first: every column added). */
  public record Version(int version, OffsetDateTime createdAt, String runId, Diff diff) {}

  /** Columns added, removed and whose type changed. */
  public record Diff(List<String> added, List<String> removed, List<Change> changed) {}

  /** A column whose type changed. */
  public record Change(String name, String from, String to) {}
}
