package io.cairn.bench.lineage;

import io.cairn.bench.server.CairnServer;
import io.cairn.bench.server.Installation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Lineage at scale on PostgreSQL, against a real server (a child process with its catalog in a new database):
 * loads the {@link GeneratedGraph} (100,000 datasets, 1,000,000 column edges) with {@code COPY}, then measures
 * (1) lineage query latency at depth 20, p50 and p95, of Cairn's query ({@code GET /api/v1/lineage} for the
 * dataset graph, {@code GET /api/v1/lineage/columns} for a column) beside a plain recursive CTE over the same
 * tables through JDBC, and (2) ingest throughput of OpenLineage events posted to {@code POST /api/v1/lineage}
 * by 4 clients in rounds of 1,000, as JSON arrays of 250 events (and, for comparison, some one per request). Run: {@code java -cp <bench classpath> io.cairn.bench.lineage.LineageBench
 * [events] [queries]}; needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and a built platform.
 */
public final class LineageBench {
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  private static final int DEPTH = 20;
  private static final int PER_REQUEST = 250;
  private static final String PLAIN_GRAPH = """
      with recursive walk(node_type, node_id, depth) as (
        select cast('D' as varchar(1)), cast(? as bigint), 0
        union
        select cast(case when w.node_type = 'D' then 'J' else 'D' end as varchar(1)),
               case when w.node_type = 'D' then e.job_id else e.dataset_id end, w.depth + 1
        from walk w join lineage_io e on
          (w.node_type = 'D' and e.dataset_id = w.node_id and e.direction = 'OUTPUT')
          or (w.node_type = 'J' and e.job_id = w.node_id and e.direction = 'INPUT')
        where w.depth < ?
      )
      select count(distinct node_type || node_id) from walk""";
  private static final String PLAIN_COLUMNS = """
      with recursive walk(dataset_id, field, depth) as (
        select cast(? as bigint), cast(? as varchar(255)), 0
        union
        select e.src_dataset_id, e.src_field, w.depth + 1
        from walk w join lineage_column_edges e on e.dst_dataset_id = w.dataset_id and e.dst_field = w.field
        where w.depth < ?
      )
      select count(*) from walk""";

  private LineageBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Installation installation = Installation.in(Installation.findRoot());
    String db = "cairn_bench_lineage_" + Long.toHexString(System.nanoTime());
    try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "");
        Statement s = admin.createStatement()) {
      s.execute("create database " + db);
    }
    Path work = Files.createTempDirectory("cairn-lineage-bench-");
    String password = UUID.randomUUID().toString();
    try (CairnServer server = CairnServer.start(installation, work.resolve("home"), password, Duration.ofMinutes(3),
        Map.of("CAIRN_DATABASE_URL", PG + db, "CAIRN_DATABASE_USER", "postgres"));
        Connection c = DriverManager.getConnection(PG + db, "postgres", "")) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
          .getBytes(StandardCharsets.UTF_8));
      URI base = server.api().base();
      long t0 = System.nanoTime();
      long edges = new GeneratedGraph(42).load(c, work);
      System.err.printf("loaded %,d datasets and %,d column edges with COPY in %.1f s%n", GeneratedGraph.datasets(),
          edges, (System.nanoTime() - t0) / 1e9);

      Random random = new Random(7);
      long[] starts = new long[queries];
      for (int i = 0; i < queries; i++) {
        starts[i] = GeneratedGraph.id(GeneratedGraph.LAYERS - 1, random.nextInt(GeneratedGraph.WIDTH));
      }
      Latency.Pair graph = Latency.compare(queries,
          i -> get(http, base, auth, "/api/v1/lineage?depth=" + DEPTH + "&direction=UPSTREAM&nodeId="
              + enc("dataset:bench:ds-" + starts[i])),
          i -> count(c, PLAIN_GRAPH, starts[i], null));
      Latency.Pair columns = Latency.compare(queries,
          i -> get(http, base, auth, "/api/v1/lineage/columns?depth=" + DEPTH + "&direction=UPSTREAM&nodeId="
              + enc("datasetField:bench:ds-" + starts[i] + ":c" + (i % GeneratedGraph.COLUMNS))),
          i -> count(c, PLAIN_COLUMNS, starts[i], "c" + (i % GeneratedGraph.COLUMNS)));
      int single = Math.min(500, Math.max(100, events / 50));
      Ingest.Result one = new Ingest(http, base, auth).run(events, single, 1_000, 4, 1);
      Ingest.Result ingest = new Ingest(http, base, auth).run(0, events, 1_000, 4, PER_REQUEST);
      long stored;
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select count(*) from lineage_events where producer = '" + Ingest.PRODUCER + "'")) {
        rs.next();
        stored = rs.getLong(1);
      }
      if (stored != (long) events + single) {
        throw new IllegalStateException("stored " + stored + " events of " + (events + single));
      }
      System.out.println(report(edges, graph, columns, ingest, stored, one));
    } finally {
      try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "");
          Statement s = admin.createStatement()) {
        s.execute("drop database if exists " + db + " with (force)");
      }
    }
  }

  private static String report(long edges, Latency.Pair graph, Latency.Pair columns, Ingest.Result ingest,
      long stored, Ingest.Result one) {
    return String.format("""
        Lineage on PostgreSQL: %,d datasets, %,d column edges (generated, COPY); depth %d upstream, %d queries each
        | query | Cairn p50 | Cairn p95 | plain CTE p50 | plain CTE p95 | goal p95 < 100 ms |
        |---|---|---|---|---|---|
        | dataset graph (GET /api/v1/lineage), %s nodes on average | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |
        | column lineage (GET /api/v1/lineage/columns), %s edges on average | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |
        Ingest: %,d events posted as JSON arrays of %d (4 clients, rounds of 1,000) in %.1f s = %,.0f events/s \
        (slowest round %,.0f/s, fastest %,.0f/s); one event per request (Marquez style): %,d events in %.1f s = \
        %,.0f events/s; %,d stored in all%n""",
        GeneratedGraph.datasets(), edges, DEPTH, graph.cairn().count(), graph.plain().meanResult(),
        graph.cairn().p(50), graph.cairn().p(95), graph.plain().p(50), graph.plain().p(95),
        graph.cairn().p(95) < 100 ? "met" : "MISSED", columns.plain().meanResult(), columns.cairn().p(50),
        columns.cairn().p(95), columns.plain().p(50), columns.plain().p(95),
        columns.cairn().p(95) < 100 ? "met" : "MISSED", ingest.events(), PER_REQUEST, ingest.seconds(),
        ingest.events() / ingest.seconds(), ingest.slowestBatch(), ingest.fastestBatch(), one.events(), one.seconds(),
        one.events() / one.seconds(), stored);
  }

  static long get(HttpClient http, URI base, String auth, String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth)
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body().length();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long count(Connection c, String sql, long dataset, String field) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setLong(i++, dataset);
      if (field != null) {
        ps.setString(i++, field);
      }
      ps.setInt(i, DEPTH);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
