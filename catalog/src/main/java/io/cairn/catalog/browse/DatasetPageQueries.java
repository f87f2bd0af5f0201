package io.cairn.catalog.browse;

import io.cairn.catalog.CatalogDatabase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.DSLContext;

/** What a dataset's page shows, read from the catalog: schema versions, owners, quality, one hop of lineage. */
public final class DatasetPageQueries {
  private final DSLContext dsl;

  public DatasetPageQueries(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** A column of a schema version; {@code tags} as the schema declared them. */
  public record VersionColumn(String name, String type, List<String> tags) {}

  /**
   * A schema version: the runtime's versions ({@code dataset_schema_versions}) with their columns, or, for a
   * dataset only other producers wrote, the schemas lineage carried ({@code fieldsJson}, columns empty).
   */
  public record SchemaVersion(int version, OffsetDateTime createdAt, String runId, List<VersionColumn> columns,
      String fieldsJson) {}

  /** A neighbour one hop away. */
  public record Neighbour(long id, String namespace, String name) {}

  /** One run's quality shares. */
  public record Quality(String runId, OffsetDateTime at, Double completeness, Double validity, Double uniqueness) {}

  /** Every schema version, oldest first. */
  public List<SchemaVersion> versions(long datasetId) {
    Map<Integer, List<VersionColumn>> columns = new LinkedHashMap<>();
    dsl.resultQuery("select version, name, data_type, tags from dataset_columns where dataset_id = ? "
        + "order by version, position", datasetId).fetch().forEach(r -> columns.computeIfAbsent(
            r.get(0, Integer.class), k -> new ArrayList<>()).add(new VersionColumn(r.get(1, String.class),
                r.get(2, String.class), split(r.get(3, String.class)))));
    List<SchemaVersion> out = new ArrayList<>();
    dsl.resultQuery("select version, created_at, run_id from dataset_schema_versions where dataset_id = ? "
        + "order by version", datasetId).fetch().forEach(r -> out.add(new SchemaVersion(r.get(0, Integer.class),
            r.get(1, OffsetDateTime.class), r.get(2, String.class),
            columns.getOrDefault(r.get(0, Integer.class), List.of()), null)));
    if (!out.isEmpty()) {
      return out;
    }
    int[] n = {0};
    dsl.resultQuery("select created_at, run_uuid, fields from lineage_dataset_versions where dataset_id = ? "
        + "order by created_at, id", datasetId).fetch().forEach(r -> out.add(new SchemaVersion(++n[0],
            r.get(0, OffsetDateTime.class), r.get(1, String.class), List.of(), r.get(2, String.class))));
    return out;
  }

  /** The dataset's owners and the owners of the jobs that write it, sorted. */
  public List<String> owners(long datasetId) {
    TreeSet<String> owners = new TreeSet<>();
    dsl.resultQuery("select owner from lineage_owners where node_type = 'D' and node_id = ? union "
        + "select o.owner from lineage_owners o join lineage_io io on io.job_id = o.node_id and o.node_type = 'J' "
        + "where io.dataset_id = ? and io.direction = 'OUTPUT'", datasetId, datasetId).fetch()
        .forEach(r -> owners.add(r.get(0, String.class)));
    return List.copyOf(owners);
  }

  /** Every tag on a column of the dataset as lineage carried it, by column. */
  public Map<String, TreeSet<String>> lineageTags(long datasetId) {
    Map<String, TreeSet<String>> out = new LinkedHashMap<>();
    dsl.resultQuery("select field, tag from lineage_column_tags where dataset_id = ? order by field, tag", datasetId)
        .fetch().forEach(r -> out.computeIfAbsent(r.get(0, String.class), k -> new TreeSet<>())
            .add(r.get(1, String.class)));
    return out;
  }

  /** The datasets the jobs writing this one read (upstream), or that the jobs reading it write (downstream). */
  public List<Neighbour> neighbours(long datasetId, boolean upstream) {
    String self = upstream ? "OUTPUT" : "INPUT";
    String other = upstream ? "INPUT" : "OUTPUT";
    String edge = upstream ? "select src_dataset_id from lineage_column_edges where dst_dataset_id = ?"
        : "select dst_dataset_id from lineage_column_edges where src_dataset_id = ?";
    return dsl.resultQuery("select id, namespace, name from datasets where id <> ? and id in ("
        + "select o.dataset_id from lineage_io s join lineage_io o on o.job_id = s.job_id and o.direction = ? "
        + "where s.dataset_id = ? and s.direction = ? union " + edge + ") order by namespace, name",
        datasetId, other, datasetId, self, datasetId).fetch()
        .map(r -> new Neighbour(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class)));
  }

  /** The quality shares of the latest runs that read or wrote the dataset, newest first. */
  public List<Quality> quality(long datasetId, int limit) {
    Map<String, Quality> byRun = new LinkedHashMap<>();
    dsl.resultQuery("select q.run_id, max(q.recorded_at) as at, "
        + "max(case when q.metric = 'completeness' then q.metric_value end), "
        + "max(case when q.metric = 'validity' then q.metric_value end), "
        + "max(case when q.metric = 'uniqueness' then q.metric_value end) "
        + "from quality_metrics q where q.run_id in (select run_id from run_datasets where dataset_id = ?) "
        + "and q.metric in ('completeness', 'validity', 'uniqueness') "
        + "group by q.run_id order by at desc limit ?", datasetId, limit).fetch()
        .forEach(r -> byRun.put(r.get(0, String.class), new Quality(r.get(0, String.class),
            r.get(1, OffsetDateTime.class), r.get(2, Double.class), r.get(3, Double.class), r.get(4, Double.class))));
    return List.copyOf(byRun.values());
  }

  private static List<String> split(String tags) {
    return tags == null || tags.isBlank() ? List.of() : List.of(tags.split(","));
  }
}
