package io.cairn.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.testing.CatalogDatabases;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Quality history (V30) on H2 and on the machine's PostgreSQL. */
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
}
