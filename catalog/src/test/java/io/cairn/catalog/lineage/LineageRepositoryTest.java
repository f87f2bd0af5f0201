package io.cairn.catalog.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.lineage.LineageGraph.NodeType;
import io.cairn.catalog.lineage.LineageQueries.Direction;
import io.cairn.catalog.lineage.LineageWrite.ColumnEdgeWrite;
import io.cairn.catalog.lineage.LineageWrite.DatasetIo;
import io.cairn.catalog.lineage.LineageWrite.JobRef;
import io.cairn.catalog.lineage.LineageWrite.RunInfo;
import io.cairn.catalog.testing.CatalogDatabases;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Stores a chain a -> job1 -> b -> job2 -> c with column edges and walks it, on H2 and PostgreSQL. */
class LineageRepositoryTest {
  private static final CatalogDatabases DATABASES = new CatalogDatabases("cairn_lineage_test");

  static Stream<Arguments> databases() throws Exception {
    return DATABASES.arguments();
  }

  @AfterAll
  static void dropPostgres() {
    DATABASES.drop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void storesAndWalksLineage(String name, DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    LineageRepository repo = new LineageRepository(db);
    LineageQueries queries = new LineageQueries(db);
    String run1 = UUID.randomUUID().toString();
    repo.store(event(run1, "job1", "START", "a", "b", List.of()));
    repo.store(event(run1, "job1", "COMPLETE", "a", "b", List.of(
        new ColumnEdgeWrite("ns", "a", "email", "ns", "b", "email_hash", "DIRECT", "TRANSFORMATION", true, "sha"),
        new ColumnEdgeWrite("ns", "a", "id", "ns", "b", "id", "DIRECT", "IDENTITY", false, ""))));
    String run2 = UUID.randomUUID().toString();
    repo.store(event(run2, "job2", "COMPLETE", "b", "c", List.of(
        new ColumnEdgeWrite("ns", "b", "email_hash", "ns", "c", "contact", "DIRECT", "IDENTITY", false, ""))));
    // the same edge again is not a second edge
    repo.store(event(run2, "job2", "COMPLETE", "b", "c", List.of(
        new ColumnEdgeWrite("ns", "b", "email_hash", "ns", "c", "contact", "DIRECT", "IDENTITY", false, ""))));

    long a = queries.datasetId("ns", "a").orElseThrow();
    LineageGraph down = queries.graph(NodeType.DATASET, a, 10, Direction.BOTH);
    assertThat(down.nodes()).extracting(LineageGraph.Node::nodeId).containsExactlyInAnyOrder(
        "dataset:ns:a", "dataset:ns:b", "dataset:ns:c", "job:cairn:job1", "job:cairn:job2");
    assertThat(down.edges()).extracting(e -> e.origin() + ">" + e.destination()).containsExactlyInAnyOrder(
        "dataset:ns:a>job:cairn:job1", "job:cairn:job1>dataset:ns:b",
        "dataset:ns:b>job:cairn:job2", "job:cairn:job2>dataset:ns:c");
    assertThat(queries.graph(NodeType.DATASET, a, 2, Direction.DOWNSTREAM).nodes()).extracting(
        LineageGraph.Node::nodeId).containsExactlyInAnyOrder("dataset:ns:a", "job:cairn:job1", "dataset:ns:b");
    long c = queries.datasetId("ns", "c").orElseThrow();
    assertThat(queries.graph(NodeType.DATASET, c, 1, Direction.DOWNSTREAM).nodes()).hasSize(1);

    List<ColumnEdge> fromEmail = queries.columnLineage(a, "email", 5, Direction.DOWNSTREAM);
    assertThat(fromEmail).extracting(e -> e.target().nodeId() + "@" + e.depth()).containsExactly(
        "datasetField:ns:b:email_hash@1", "datasetField:ns:c:contact@2");
    assertThat(fromEmail.get(0).masking()).isTrue();
    assertThat(fromEmail.get(0).job()).isEqualTo("cairn:job1");
    assertThat(queries.columnLineage(c, "contact", 5, Direction.UPSTREAM)).extracting(e -> e.source().nodeId())
        .containsExactly("datasetField:ns:b:email_hash", "datasetField:ns:a:email");
    assertThat(queries.columnLineage(a, "id", 1, Direction.DOWNSTREAM)).singleElement()
        .satisfies(e -> assertThat(e.subtype()).isEqualTo("IDENTITY"));
    assertThat(db.dsl().fetchCount(db.dsl().selectFrom("lineage_column_edges"))).isEqualTo(3);
    assertThat(db.dsl().fetchValue("select state from lineage_runs where run_uuid = ?", run1))
        .isEqualTo("COMPLETE");
    assertThat(db.dsl().fetchCount(db.dsl().selectFrom("lineage_events"))).isEqualTo(4);
    assertThat(queries.runs(NodeType.DATASET, queries.datasetId("ns", "b").orElseThrow(), 10))
        .extracting(LineageQueries.RunView::runId).containsExactlyInAnyOrder(run1, run2);
    assertThat(queries.runs(NodeType.JOB, queries.jobId("cairn", "job2").orElseThrow(), 10)).singleElement()
        .satisfies(r -> assertThat(r.job() + " " + r.state()).isEqualTo("cairn:job2 COMPLETE"));
    assertThat(queries.runs(NodeType.DATASET, c, 10)).extracting(LineageQueries.RunView::runId).containsExactly(run2);
    assertThat(db.dsl().fetchCount(db.dsl().selectFrom("lineage_dataset_versions")))
        .as("a, c once; b as read and as written").isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void storesABatchInOneCallAsItStoresEachEvent(String name, DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    LineageRepository repo = new LineageRepository(db);
    LineageQueries queries = new LineageQueries(db);
    String run1 = UUID.randomUUID().toString();
    String run2 = UUID.randomUUID().toString();
    repo.storeAll(List.of(
        event(run1, "bjob1", "START", "ba", "bb", List.of()),
        event(run1, "bjob1", "COMPLETE", "ba", "bb", List.of(
            new ColumnEdgeWrite("ns", "ba", "email", "ns", "bb", "email_hash", "DIRECT", "TRANSFORMATION", false, "x"),
            new ColumnEdgeWrite("ns", "ba", "id", "ns", "bb", "id", "DIRECT", "IDENTITY", false, ""))),
        // the same edge again in the same call: one edge, the last word on it kept
        event(run1, "bjob1", "COMPLETE", "ba", "bb", List.of(
            new ColumnEdgeWrite("ns", "ba", "email", "ns", "bb", "email_hash", "DIRECT", "TRANSFORMATION", true, "sha"))),
        event(run2, "bjob2", "COMPLETE", "bb", "bc", List.of(
            new ColumnEdgeWrite("ns", "bb", "email_hash", "ns", "bc", "contact", "DIRECT", "IDENTITY", false, "")))));
    // and an edge already stored, updated by a later call rather than stored twice
    repo.storeAll(List.of(event(run2, "bjob2", "COMPLETE", "bb", "bc", List.of(
        new ColumnEdgeWrite("ns", "bb", "email_hash", "ns", "bc", "contact", "DIRECT", "IDENTITY", false, "again")))));

    assertThat(db.dsl().fetchValue("select count(*) from lineage_column_edges where src_dataset_id in "
        + "(select id from datasets where namespace = 'ns' and name in ('ba', 'bb'))")).hasToString("3");
    assertThat(db.dsl().fetchValue("select e.description from lineage_column_edges e join datasets d "
        + "on d.id = e.dst_dataset_id where d.name = 'bc'")).isEqualTo("again");
    long a = queries.datasetId("ns", "ba").orElseThrow();
    List<ColumnEdge> fromEmail = queries.columnLineage(a, "email", 5, Direction.DOWNSTREAM);
    assertThat(fromEmail).extracting(e -> e.target().nodeId() + "@" + e.depth()).containsExactly(
        "datasetField:ns:bb:email_hash@1", "datasetField:ns:bc:contact@2");
    assertThat(fromEmail.get(0).masking()).isTrue();
    assertThat(fromEmail.get(0).description()).isEqualTo("sha");
    assertThat(queries.graph(NodeType.DATASET, a, 10, Direction.DOWNSTREAM).edges())
        .extracting(e -> e.origin() + ">" + e.destination()).containsExactlyInAnyOrder(
            "dataset:ns:ba>job:cairn:bjob1", "job:cairn:bjob1>dataset:ns:bb",
            "dataset:ns:bb>job:cairn:bjob2", "job:cairn:bjob2>dataset:ns:bc");
    assertThat(db.dsl().fetchValue("select state from lineage_runs where run_uuid = ?", run1))
        .isEqualTo("COMPLETE");
    assertThat(db.dsl().fetchValue("select started_at is not null from lineage_runs where run_uuid = ?", run1))
        .isEqualTo(true);
    assertThat(db.dsl().fetchValue("select count(*) from lineage_events where run_uuid in (?, ?)", run1, run2))
        .hasToString("5");
    assertThat(db.dsl().fetchValue("select count(*) from lineage_run_io where run_uuid in (?, ?)", run1, run2))
        .hasToString("4");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void repeatedRunsLeaveUnchangedEdgesAloneAndManyDatasetsResolve(String name, DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    LineageRepository repo = new LineageRepository(db);
    LineageQueries queries = new LineageQueries(db);
    ColumnEdgeWrite edge = new ColumnEdgeWrite("ns", "ra", "email", "ns", "rb", "email_hash", "DIRECT",
        "TRANSFORMATION", true, "sha");
    repo.store(event(UUID.randomUUID().toString(), "rjob", "COMPLETE", "ra", "rb", List.of(edge)));
    String edgeTime = "select cast(updated_at as varchar(64)) from lineage_column_edges where src_field = 'email'"
        + " and dst_field = 'email_hash' and dst_dataset_id = (select id from datasets where name = 'rb')";
    Object first = db.dsl().fetchValue(edgeTime);
    String second = UUID.randomUUID().toString();
    repo.store(event(second, "rjob", "COMPLETE", "ra", "rb", List.of(edge)));
    assertThat(db.dsl().fetchValue(edgeTime)).as("the same edge from another run is not rewritten").isEqualTo(first);
    assertThat(db.dsl().fetchValue("select count(*) from lineage_run_io where run_uuid = ?", second))
        .as("the run's reads and writes are recorded all the same").hasToString("2");
    repo.store(event(UUID.randomUUID().toString(), "rjob", "COMPLETE", "ra", "rb", List.of(new ColumnEdgeWrite(
        "ns", "ra", "email", "ns", "rb", "email_hash", "DIRECT", "TRANSFORMATION", false, "sha"))));
    assertThat(queries.columnLineage(queries.datasetId("ns", "ra").orElseThrow(), "email", 1, Direction.DOWNSTREAM))
        .singleElement().satisfies(e -> assertThat(e.masking()).as("a changed edge is updated").isFalse());

    // one call naming 1,300 datasets in two namespaces: every name resolves (lookups of up to 500 names each)
    List<DatasetIo> io = new java.util.ArrayList<>();
    for (int i = 0; i < 1_300; i++) {
      io.add(new DatasetIo(i % 2 == 0 ? "ns" : "other", "in-" + i, "INPUT", null, null, null));
    }
    io.add(new DatasetIo("ns", "wide-out", "OUTPUT", null, null, null));
    repo.store(new LineageWrite("RUN", "COMPLETE", OffsetDateTime.now(), "https://example.org/test", "{}",
        new JobRef("cairn", "wide", null), new RunInfo(UUID.randomUUID().toString(), null, "COMPLETE", null), io,
        List.of()));
    long out = queries.datasetId("ns", "wide-out").orElseThrow();
    assertThat(db.dsl().fetchValue("select count(*) from lineage_io where job_id = (select id from lineage_jobs"
        + " where name = 'wide') and direction = 'INPUT'")).hasToString("1300");
    assertThat(queries.graph(NodeType.DATASET, out, 2, Direction.UPSTREAM).nodes()).hasSize(1_302);
  }

  private static LineageWrite event(String run, String job, String type, String in, String out,
      List<ColumnEdgeWrite> edges) {
    return new LineageWrite("RUN", type, OffsetDateTime.now(), "https://example.org/test", "{}",
        new JobRef("cairn", job, null), new RunInfo(run, null, type, null),
        List.of(new DatasetIo("ns", in, "INPUT", "[{\"name\":\"id\"}]"),
            new DatasetIo("ns", out, "OUTPUT", "[{\"name\":\"id\",\"type\":\"LONG\"}]")),
        edges);
  }
}
