package io.cairn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.testing.LocalServices;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The model registry on H2 (file mode) and on the machine's real PostgreSQL; each test on a fresh catalog. */
class ModelRepositoryTest {
  private static final java.util.List<String> PG_URLS = new java.util.ArrayList<>();

  static Stream<Arguments> databases() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(CatalogDatabase.h2FileUrl(Files.createTempDirectory("cairn-models")));
    String url = LocalServices.createPostgresDatabase("cairn_models_test_" + PG_URLS.size());
    PG_URLS.add(url);
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url);
    pg.setUser(LocalServices.PG_USER);
    return Stream.of(Arguments.of("h2", h2), Arguments.of("postgres", pg));
  }

  @AfterAll
  static void dropPostgres() {
    PG_URLS.forEach(LocalServices::dropPostgresDatabase);
  }

  private static ModelRepository registry(DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    return new ModelRepository(db);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void versionsArePromotedAndRolledBack(String name, DataSource ds) {
    ModelRepository models = registry(ds);
    ModelEntry v1 = models.register("purchase", "propensity", List.of("recency_days", "frequency"),
        Map.of("auc", 0.81), "jdbc/warehouse.orders", "alice");
    ModelEntry v2 = models.register("purchase", "propensity", List.of("recency_days", "frequency", "monetary"),
        Map.of("auc", 0.86), "jdbc/warehouse.orders", "alice");
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.stage()).isEqualTo(ModelEntry.CANDIDATE);
    assertThat(v2.features()).containsExactly("recency_days", "frequency", "monetary");
    assertThat(v2.metrics()).containsEntry("auc", 0.86);
    assertThat(models.production("purchase")).isEmpty();

    models.promote("purchase", 1);
    models.promote("purchase", 2);
    assertThat(models.production("purchase")).map(ModelEntry::version).contains(2);
    assertThat(models.versions("purchase")).extracting(ModelEntry::stage)
        .containsExactly(ModelEntry.RETIRED, ModelEntry.PRODUCTION);

    assertThat(models.rollback("purchase").version()).isEqualTo(1);
    assertThat(models.versions("purchase")).extracting(ModelEntry::stage)
        .containsExactly(ModelEntry.PRODUCTION, ModelEntry.CANDIDATE);
    assertThat(models.list()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void unknownVersionsAndRollbacksWithoutHistoryAreRefused(String name, DataSource ds) {
    ModelRepository models = registry(ds);
    models.register("churn", "propensity", List.of("x"), Map.of(), null, null);
    assertThatThrownBy(() -> models.register("churn", "propensity", List.of("a,b"), Map.of(), null, null))
        .hasMessageContaining("'a,b'");
    assertThatThrownBy(() -> models.promote("churn", 9)).hasMessage("no version 9 of model 'churn'");
    assertThatThrownBy(() -> models.rollback("churn"))
        .hasMessage("model 'churn' has no earlier production version to roll back to");
    models.promote("churn", 1);
    assertThatThrownBy(() -> models.rollback("churn")).hasMessageContaining("no earlier production version");
  }
}
