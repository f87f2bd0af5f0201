package io.cairn.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.testing.CatalogDatabases;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quality history (V30), quarantine review (V31: fix, claim, settle) and stored suites (V32), on H2 and on the
 * machine's PostgreSQL.
 */
class QualityMetricsRepositoryTest {
  private static final CatalogDatabases DATABASES = new CatalogDatabases("cairn_quality_test");

  static Stream<Arguments> databases() throws Exception {
    return DATABASES.arguments();
  }

  @AfterAll
  static void dropPostgres() {
    DATABASES.drop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void figuresPerRunAndStepOldestFirstAndReplacedOnRewrite(String name, javax.sql.DataSource ds) throws Exception {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    FlowId flow = new FlowId("people");
    new FlowRepository(db).save(flow, "People", null, "yaml", "v1", "engineer", "alice");
    QualityMetricsRepository repo = new QualityMetricsRepository(db);
    repo.record("r1", flow, "quality", Map.of("completeness", 0.5, "rows", 10.0));
    Thread.sleep(5);
    repo.record("r2", flow, "quality", Map.of("completeness", 0.75, "rows", 8.0));
    Thread.sleep(5);
    repo.record("r3", flow, "quality", Map.of("completeness", 0.25));
    repo.record("r3", flow, "quality", Map.of("completeness", 1.0, "validity", 0.9));

    assertThat(repo.forFlow(flow, 2)).extracting(QualityMetricsEntry::runId).containsExactly("r2", "r3");
    assertThat(repo.forFlow(flow, 10)).extracting(e -> e.metrics().get("completeness"))
        .containsExactly(0.5, 0.75, 1.0);
    assertThat(repo.forRun("r3")).singleElement().satisfies(e -> {
      assertThat(e.metrics()).containsExactly(Map.entry("completeness", 1.0), Map.entry("validity", 0.9));
      assertThat(e.flowId()).isEqualTo(flow);
      assertThat(e.recordedAt()).isNotNull();
    });
    assertThat(repo.forFlow(new FlowId("other"), 10)).isEmpty();
    new FlowRepository(db).delete(flow);
    assertThat(repo.forRun("r1")).as("history goes with its flow").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void quarantinedRecordsAreFixedClaimedOnceAndSettled(String name, javax.sql.DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    FlowId flow = new FlowId("crm");
    new FlowRepository(db).save(flow, "CRM", null, "yaml", "v1", "etl", "alice");
    new RunRepository(db).start("r1", flow, 1, "manual", "node-a");
    new RunRepository(db).start("replay-1", flow, 1, "replay", "node-a");
    new QuarantineRepository(db).addAll(List.of(
        new QuarantineEntry(0, "r1", flow, "file", "/in.csv", "2", "bad email", "{\"email\":\"x\"}", null, null),
        new QuarantineEntry(0, "r1", flow, "file", "/in.csv", "3", "bad date", "{\"d\":\"2023-02-30\"}", null, null)));
    QuarantineReviewRepository review = new QuarantineReviewRepository(db);
    List<QuarantinedRecord> waiting = review.forFlow(flow, QuarantinedRecord.QUARANTINED, 0, 10);
    assertThat(waiting).hasSize(2).allSatisfy(r -> assertThat(r.replayRunId()).isNull());
    long first = waiting.get(1).id();
    long second = waiting.get(0).id();

    assertThat(review.edit(first, "{\"email\":\"a@b.io\"}", "steward")).isTrue();
    assertThat(review.find(first).orElseThrow()).satisfies(r -> {
      assertThat(r.payload()).isEqualTo("{\"email\":\"a@b.io\"}");
      assertThat(r.editedBy()).isEqualTo("steward");
      assertThat(r.editedAt()).isNotNull();
    });

    assertThat(review.claim(flow, Set.of(first), "replay-1")).isTrue();
    assertThat(review.claim(flow, Set.of(first, second), "replay-2")).as("all or none").isFalse();
    assertThat(review.find(second).orElseThrow().status()).isEqualTo(QuarantinedRecord.QUARANTINED);
    assertThat(review.claim(new FlowId("other"), Set.of(second), "replay-3")).as("only the flow's records").isFalse();
    assertThat(review.edit(first, "{}", "steward")).as("a claimed record is not edited").isFalse();

    assertThat(review.settle("replay-1", true)).isEqualTo(1);
    assertThat(review.find(first).orElseThrow()).satisfies(r -> {
      assertThat(r.status()).isEqualTo(QuarantinedRecord.REPLAYED);
      assertThat(r.replayRunId()).isEqualTo("replay-1");
    });
    assertThat(review.claim(flow, Set.of(second), "replay-4")).isTrue();
    assertThat(review.settle("replay-4", false)).isEqualTo(1);
    assertThat(review.find(second).orElseThrow()).satisfies(r -> {
      assertThat(r.status()).as("a failed replay gives the record back").isEqualTo(QuarantinedRecord.QUARANTINED);
      assertThat(r.replayRunId()).isNull();
    });
    assertThat(review.findAll(Set.of(first, second))).extracting(QuarantinedRecord::id).containsExactly(first, second);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void suitesAreSavedAndReplaced(String name, javax.sql.DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    QualitySuiteRepository suites = new QualitySuiteRepository(db);
    suites.save("customers", "first", "[{\"expectation_type\":\"a\"}]", "steward");
    QualitySuiteEntry replaced = suites.save("customers", "second", "[]", "admin");
    assertThat(replaced.description()).isEqualTo("second");
    assertThat(replaced.expectations()).isEqualTo("[]");
    assertThat(replaced.updatedBy()).isEqualTo("admin");
    suites.save("accounts", null, "[]", "steward");
    assertThat(suites.list()).extracting(QualitySuiteEntry::name).containsExactly("accounts", "customers");
    assertThat(suites.find("nope")).isEmpty();
  }
}
