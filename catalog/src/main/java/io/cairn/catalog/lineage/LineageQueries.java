package io.cairn.catalog.lineage;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.lineage.ColumnEdge.Field;
import io.cairn.catalog.lineage.LineageGraph.Edge;
import io.cairn.catalog.lineage.LineageGraph.Node;
import io.cairn.catalog.lineage.LineageGraph.NodeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Walks the stored lineage: the dataset graph level by level (one indexed query per level, over one
 * connection), column lineage with a recursive CTE ({@code with recursive}, the same SQL on PostgreSQL and H2).
 * Depth counts edges: from a dataset, depth 2 reaches the jobs that read it and the datasets they write.
 */
public final class LineageQueries {
  /** Which way to walk. */
  public enum Direction {
    UPSTREAM,
    DOWNSTREAM,
    BOTH
  }

  private static final String COLUMN_WALK = """
      with recursive walk(dataset_id, field, edge_id, depth) as (
        select cast(? as bigint), cast(? as varchar(255)), cast(null as bigint), 0
        union
        select e.%1$s_dataset_id, cast(e.%1$s_field as varchar(255)), e.id, w.depth + 1
        from walk w join lineage_column_edges e on e.%2$s_dataset_id = w.dataset_id and e.%2$s_field = w.field
        where w.depth < ?
      )
      select min(w.depth) as depth, e.transform_type, e.subtype, e.masking, e.description,
             s.namespace as s_ns, s.name as s_name, e.src_field, d.namespace as d_ns, d.name as d_name, e.dst_field,
             j.namespace as j_ns, j.name as j_name, j.flow_id as j_flow
      from walk w join lineage_column_edges e on e.id = w.edge_id
        join datasets s on s.id = e.src_dataset_id join datasets d on d.id = e.dst_dataset_id
        left join lineage_jobs j on j.id = e.job_id
      group by e.id, e.transform_type, e.subtype, e.masking, e.description, s.namespace, s.name, e.src_field,
        d.namespace, d.name, e.dst_field, j.namespace, j.name, j.flow_id
      order by depth, d_ns, d_name, e.dst_field, s_ns, s_name, e.src_field""";

  private final DSLContext dsl;

  public LineageQueries(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** The dataset's id, when it is known. */
  public Optional<Long> datasetId(String namespace, String name) {
    return dsl.fetchOptional("select id from datasets where namespace = ? and name = ?", namespace, name)
        .map(r -> r.get(0, Long.class));
  }

  /** The job's id, when it is known. */
  public Optional<Long> jobId(String namespace, String name) {
    return dsl.fetchOptional("select id from lineage_jobs where namespace = ? and name = ?", namespace, name)
        .map(r -> r.get(0, Long.class));
  }

  /** A run as lineage knows it. */
  public record RunView(String runId, String job, String flowId, String flowRunId, String state,
      java.time.OffsetDateTime startedAt, java.time.OffsetDateTime endedAt, String error) {}

  /** The latest runs of a job, or of every job that read or wrote a dataset; newest first. */
  public List<RunView> runs(NodeType type, long id, int limit) {
    String where = type == NodeType.JOB ? "r.job_id = ?"
        : "r.run_uuid in (select run_uuid from lineage_run_io where dataset_id = ?)";
    return dsl.resultQuery("select r.run_uuid, j.namespace, j.name, j.flow_id, r.flow_run_id, r.state, r.started_at, "
        + "r.ended_at, r.error_message from lineage_runs r join lineage_jobs j on j.id = r.job_id where " + where
        + " order by r.updated_at desc limit ?", id, limit).fetch().map(r -> new RunView(r.get(0, String.class),
            r.get(1, String.class) + ":" + r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
            r.get(5, String.class), r.get(6, java.time.OffsetDateTime.class), r.get(7, java.time.OffsetDateTime.class),
            r.get(8, String.class)));
  }

  /**
   * The tags known for each column of a dataset (empty when the dataset or its tags are unknown): what lineage
   * carried, except where a steward overrode a column's tags (then the override, possibly no tags).
   */
  public Map<String, java.util.Set<String>> columnTags(String namespace, String name) {
    Map<String, java.util.Set<String>> tags = new java.util.TreeMap<>();
    dsl.resultQuery("select t.field, t.tag from lineage_column_tags t join datasets d on d.id = t.dataset_id "
        + "where d.namespace = ? and d.name = ?", namespace, name).fetch().forEach(r -> tags.computeIfAbsent(
            r.get(0, String.class), k -> new java.util.TreeSet<>()).add(r.get(1, String.class)));
    tags.putAll(tagOverrides(namespace, name));
    return tags;
  }

  /** The columns of a dataset whose tags a steward overrode, with the tags they have now. */
  public Map<String, java.util.Set<String>> tagOverrides(String namespace, String name) {
    return datasetId(namespace, name).map(id -> new TagOverrides(dsl).forDataset(id)).orElse(Map.of());
  }

  /**
   * The fields of a dataset with their types, in schema order: the current schema the runtime recorded, else
   * the latest schema lineage carried ({@code schemaJson}, OpenLineage's {@code schema.fields} as JSON, for
   * the caller to read), then any further field that only column edges name (type null).
   */
  public record Fields(Map<String, String> types, String schemaJson) {}

  /** See {@link Fields}. */
  public Fields fields(long datasetId) {
    Map<String, String> types = new LinkedHashMap<>();
    dsl.resultQuery("select c.name, c.data_type from dataset_columns c join datasets d on d.id = c.dataset_id "
        + "and c.version = d.current_schema_version where d.id = ? order by c.position", datasetId).fetch()
        .forEach(r -> types.put(r.get(0, String.class), r.get(1, String.class)));
    String json = types.isEmpty() ? dsl.resultQuery("select fields from lineage_dataset_versions where dataset_id = ? "
        + "order by created_at desc, id desc limit 1", datasetId).fetchOptional().map(r -> r.get(0, String.class))
        .orElse(null) : null;
    dsl.resultQuery("select dst_field from lineage_column_edges where dst_dataset_id = ? union "
        + "select src_field from lineage_column_edges where src_dataset_id = ?", datasetId, datasetId).fetch()
        .forEach(r -> types.putIfAbsent(r.get(0, String.class), null));
    return new Fields(types, json);
  }

  /**
   * The datasets and jobs within {@code depth} edges of a node, and the edges between them. Walked level by
   * level over one connection: one indexed query per level for the whole frontier (its ids bound as one array),
   * which also brings the names of the nodes it reaches, each node visited once; then one query for the edges.
   */
  public LineageGraph graph(NodeType type, long id, int depth, Direction direction) {
    return dsl.connectionResult(c -> {
      Map<Long, Node> datasets = new LinkedHashMap<>();
      Map<Long, Node> jobs = new LinkedHashMap<>();
      Node start = node(c, type, id);
      if (start != null) {
        (type == NodeType.DATASET ? datasets : jobs).put(id, start);
        if (direction != Direction.UPSTREAM) {
          walk(c, type, id, depth, true, datasets, jobs);
        }
        if (direction != Direction.DOWNSTREAM) {
          walk(c, type, id, depth, false, datasets, jobs);
        }
      }
      // every edge between the nodes reached, as the jobs' reads and writes
      List<Edge> edges = new ArrayList<>();
      if (!jobs.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(
            "select job_id, dataset_id, direction from lineage_io where job_id = any(?)")) {
          ps.setArray(1, c.createArrayOf("bigint", jobs.keySet().toArray()));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Node job = jobs.get(rs.getLong(1));
              Node ds = datasets.get(rs.getLong(2));
              if (job != null && ds != null) {
                edges.add("INPUT".equals(rs.getString(3))
                    ? new Edge(ds.nodeId(), job.nodeId()) : new Edge(job.nodeId(), ds.nodeId()));
              }
            }
          }
        }
      }
      List<Node> nodes = new ArrayList<>(datasets.values());
      nodes.addAll(jobs.values());
      return new LineageGraph(nodes, edges);
    });
  }

  private static Node node(Connection c, NodeType type, long id) throws SQLException {
    String sql = type == NodeType.DATASET
        ? "select namespace, name, cast(null as varchar(255)) from datasets where id = ?"
        : "select namespace, name, flow_id from lineage_jobs where id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Node(type, id, rs.getString(1), rs.getString(2), rs.getString(3)) : null;
      }
    }
  }

  /**
   * Breadth first from a node: downstream a dataset leads to the jobs that read it and a job to the datasets it
   * writes; upstream the other way round. Adds what it reaches, with its names.
   */
  private static void walk(Connection c, NodeType type, long id, int depth, boolean downstream,
      Map<Long, Node> datasets, Map<Long, Node> jobs) throws SQLException {
    Set<Long> seenDatasets = new HashSet<>();
    Set<Long> seenJobs = new HashSet<>();
    boolean atDatasets = type == NodeType.DATASET;
    List<Long> frontier = List.of(id);
    (atDatasets ? seenDatasets : seenJobs).add(id);
    for (int level = 0; level < depth && !frontier.isEmpty(); level++) {
      // from datasets: downstream their readers (INPUT), upstream their writers (OUTPUT); from jobs the reverse
      String dir = atDatasets == downstream ? "INPUT" : "OUTPUT";
      String sql = atDatasets
          ? "select j.id, j.namespace, j.name, j.flow_id from lineage_jobs j where j.id in "
              + "(select io.job_id from lineage_io io where io.dataset_id = any(?) and io.direction = ?)"
          : "select d.id, d.namespace, d.name, cast(null as varchar(255)) from datasets d where d.id in "
              + "(select io.dataset_id from lineage_io io where io.job_id = any(?) and io.direction = ?)";
      Set<Long> seen = atDatasets ? seenJobs : seenDatasets;
      Map<Long, Node> reached = atDatasets ? jobs : datasets;
      NodeType kind = atDatasets ? NodeType.JOB : NodeType.DATASET;
      List<Long> next = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setArray(1, c.createArrayOf("bigint", frontier.toArray()));
        ps.setString(2, dir);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long n = rs.getLong(1);
            if (seen.add(n)) {
              next.add(n);
              reached.putIfAbsent(n, new Node(kind, n, rs.getString(2), rs.getString(3), rs.getString(4)));
            }
          }
        }
      }
      frontier = next;
      atDatasets = !atDatasets;
    }
  }

  /** The column edges within {@code depth} hops upstream or downstream of a dataset's field. */
  public List<ColumnEdge> columnLineage(long datasetId, String field, int depth, Direction direction) {
    List<ColumnEdge> out = new ArrayList<>();
    if (direction != Direction.DOWNSTREAM) {
      columnWalk(datasetId, field, depth, "src", "dst", out);
    }
    if (direction != Direction.UPSTREAM) {
      columnWalk(datasetId, field, depth, "dst", "src", out);
    }
    return out;
  }

  private void columnWalk(long datasetId, String field, int depth, String next, String from, List<ColumnEdge> out) {
    dsl.resultQuery(COLUMN_WALK.formatted(next, from), datasetId, field, depth).fetch().forEach(r -> out.add(
        toEdge(r)));
  }

  private static ColumnEdge toEdge(Record r) {
    String jobNs = r.get("j_ns", String.class);
    return new ColumnEdge(
        new Field(r.get("s_ns", String.class), r.get("s_name", String.class), r.get("src_field", String.class)),
        new Field(r.get("d_ns", String.class), r.get("d_name", String.class), r.get("dst_field", String.class)),
        r.get("transform_type", String.class), r.get("subtype", String.class),
        Boolean.TRUE.equals(r.get("masking", Boolean.class)), r.get("description", String.class),
        jobNs == null ? null : jobNs + ":" + r.get("j_name", String.class), r.get("j_flow", String.class),
        r.get("depth", Integer.class));
  }
}
