package io.cairn.catalog.browse;

import static io.cairn.catalog.jooq.Tables.QUALITY_METRICS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.browse.CatalogSearch.Hit;
import io.cairn.catalog.browse.CatalogSearch.Kind;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.catalog.lineage.LineageRepository;
import io.cairn.catalog.lineage.LineageWrite;
import io.cairn.catalog.lineage.LineageWrite.ColumnEdgeWrite;
import io.cairn.catalog.lineage.LineageWrite.ColumnTag;
import io.cairn.catalog.lineage.LineageWrite.DatasetIo;
import io.cairn.catalog.lineage.LineageWrite.JobRef;
import io.cairn.catalog.lineage.LineageWrite.Owner;
import io.cairn.catalog.lineage.LineageWrite.RunInfo;
import io.cairn.catalog.lineage.TagOverrides;
import io.cairn.catalog.testing.CatalogDatabases;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search, dataset page figures and tag overrides over lineage stored as the ingest stores it (a Spark-like
 * job extract: crm.customers -> lake.customers, then report: lake.customers -> lake.report), on H2 and
 * PostgreSQL.
 */
class BrowseQueriesTest {
  private static final CatalogDatabases DATABASES = new CatalogDatabases("cairn_browse_test");

  static Stream<Arguments> databases() throws Exception {
    return DATABASES.arguments();
  }

  @AfterAll
  static void dropPostgres() {
    DATABASES.drop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void searchPagesAndOverrides(String name, DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    LineageRepository repo = new LineageRepository(db);
    LineageQueries lineage = new LineageQueries(db);
    repo.store(run("extract", List.of(new Owner("user:ana", "MAINTAINER")),
        new DatasetIo("pg://db", "crm.customers", "INPUT", "[{\"name\":\"id\",\"type\":\"BIGINT\"},"
            + "{\"name\":\"email\",\"type\":\"STRING\"}]", List.of(new ColumnTag("email", "PII", "CAIRN")),
            List.of(new Owner("team:crm_100%", "OWNER"))),
        new DatasetIo("s3://lake", "customers", "OUTPUT", "[{\"name\":\"id\",\"type\":\"BIGINT\"},"
            + "{\"name\":\"email_hash\",\"type\":\"STRING\"}]", List.of()),
        List.of(edge("crm.customers", "id", "customers", "id"), edge("crm.customers", "email", "customers",
            "email_hash"))));
    repo.store(run("extract", List.of(), new DatasetIo("pg://db", "crm.customers", "INPUT", null, List.of()),
        new DatasetIo("s3://lake", "customers", "OUTPUT", "[{\"name\":\"id\",\"type\":\"STRING\"},"
            + "{\"name\":\"email_hash\",\"type\":\"STRING\"},{\"name\":\"country\",\"type\":\"STRING\"}]", List.of()),
        List.of()));
    repo.store(run("report", List.of(), new DatasetIo("s3://lake", "customers", "INPUT", null, List.of()),
        new DatasetIo("s3://lake", "report", "OUTPUT", null, List.of()),
        List.of(new ColumnEdgeWrite("s3://lake", "customers", "email_hash", "s3://lake", "report", "contact",
            "DIRECT", "IDENTITY", false, ""))));
    long crm = lineage.datasetId("pg://db", "crm.customers").orElseThrow();
    long lake = lineage.datasetId("s3://lake", "customers").orElseThrow();
    long report = lineage.datasetId("s3://lake", "report").orElseThrow();
    DSLContext dsl = db.dsl();
    dsl.execute("insert into flows (id, name, description, current_version, desired_state, created_by, created_at, "
        + "updated_at) values ('load-customers', 'Load customers', 'customers to the lake', 1, 'STOPPED', 'bo', "
        + "current_timestamp, current_timestamp)");

    CatalogSearch search = new CatalogSearch(db);
    assertThat(search.search("CUSTOMERS", Kind.DATASET, 10)).extracting(Hit::name)
        .containsExactly("customers", "crm.customers");
    assertThat(search.search("email_h", Kind.COLUMN, 10)).singleElement().satisfies(h -> {
      assertThat(h.id()).isEqualTo(Long.toString(lake));
      assertThat(h.dataset()).isEqualTo("customers");
      assertThat(h.namespace()).isEqualTo("s3://lake");
    });
    // '_' and '%' are literal: "l_ad" is no pattern for "load"
    assertThat(search.search("l_ad", null, 10)).isEmpty();
    assertThat(search.search("0%", Kind.OWNER, 10)).extracting(Hit::id).containsExactly("team:crm_100%");
    assertThat(search.search("pii", Kind.TAG, 10)).extracting(Hit::id).containsExactly("PII");
    assertThat(search.search("lake", Kind.FLOW, 10)).extracting(Hit::id).containsExactly("load-customers");
    assertThat(search.search("bo", Kind.OWNER, 10)).extracting(Hit::id).containsExactly("bo");
    assertThat(search.search("customers", null, 2)).hasSize(2);

    DatasetPageQueries page = new DatasetPageQueries(db);
    assertThat(page.owners(crm)).containsExactly("team:crm_100%");
    assertThat(page.owners(lake)).containsExactly("user:ana");
    assertThat(page.versions(lake)).hasSize(2).allSatisfy(v -> assertThat(v.fieldsJson()).isNotNull());
    assertThat(page.versions(lake).get(1).fieldsJson()).contains("country");
    assertThat(page.neighbours(lake, true)).extracting(DatasetPageQueries.Neighbour::name)
        .containsExactly("crm.customers");
    assertThat(page.neighbours(lake, false)).extracting(DatasetPageQueries.Neighbour::name).containsExactly("report");
    assertThat(page.neighbours(report, false)).isEmpty();

    // quality shares of the flow runs that wrote the dataset, newest first
    for (int i = 1; i <= 2; i++) {
      dsl.execute("insert into flow_runs (id, flow_id, flow_version, state, run_trigger, started_at) values "
          + "(?, 'load-customers', 1, 'SUCCEEDED', 'MANUAL', current_timestamp)", "run-" + i);
      dsl.execute("insert into run_datasets (run_id, dataset_id, direction, row_count) values (?, ?, 'OUTPUT', 10)",
          "run-" + i, lake);
      for (String metric : List.of("completeness", "validity", "uniqueness", "rows")) {
        dsl.insertInto(QUALITY_METRICS).set(QUALITY_METRICS.RUN_ID, "run-" + i)
            .set(QUALITY_METRICS.FLOW_ID, "load-customers").set(QUALITY_METRICS.STEP, "quality")
            .set(QUALITY_METRICS.METRIC, metric).set(QUALITY_METRICS.METRIC_VALUE, i / 4.0)
            .set(QUALITY_METRICS.RECORDED_AT, OffsetDateTime.now().plusSeconds(i)).execute();
      }
    }
    assertThat(page.quality(lake, 10)).extracting(q -> q.runId() + "=" + q.completeness())
        .containsExactly("run-2=0.5", "run-1=0.25");
    assertThat(page.quality(crm, 10)).isEmpty();

    TagOverrides overrides = new TagOverrides(db);
    assertThat(lineage.columnTags("pg://db", "crm.customers")).containsEntry("email", Set.of("PII"));
    overrides.put(crm, "email", Set.of(), "test data, not personal", "steward");
    overrides.put(crm, "id", Set.of("KEY", "PII.indirect"), "joins people", "steward");
    assertThat(lineage.columnTags("pg://db", "crm.customers"))
        .isEqualTo(Map.of("email", Set.of(), "id", Set.of("KEY", "PII.indirect")));
    assertThat(overrides.find(crm, "email")).hasValueSatisfying(o -> {
      assertThat(o.tags()).isEmpty();
      assertThat(o.reason()).isEqualTo("test data, not personal");
    });
    overrides.put(crm, "email", Set.of("PII"), "it is personal after all", "steward2");
    assertThat(overrides.find(crm, "email")).hasValueSatisfying(o -> {
      assertThat(o.tags()).containsExactly("PII");
      assertThat(o.steward()).isEqualTo("steward2");
    });
  }

  private static ColumnEdgeWrite edge(String src, String srcField, String dst, String dstField) {
    return new ColumnEdgeWrite("pg://db", src, srcField, "s3://lake", dst, dstField, "DIRECT", "IDENTITY", false, "");
  }

  private static LineageWrite run(String job, List<Owner> jobOwners, DatasetIo in, DatasetIo out,
      List<ColumnEdgeWrite> edges) {
    String run = UUID.randomUUID().toString();
    return new LineageWrite("RUN", "COMPLETE", OffsetDateTime.now(), "https://example.org/spark", "{}",
        new JobRef("spark", job, null, jobOwners), new RunInfo(run, null, "COMPLETE", null), List.of(in, out), edges);
  }
}
