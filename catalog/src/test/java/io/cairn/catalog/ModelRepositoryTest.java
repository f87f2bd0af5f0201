package io.cairn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.testing.CatalogDatabases;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The model registry on H2 (file mode) and on the machine's real PostgreSQL; each test on a fresh catalog. */
class ModelRepositoryTest {
  private static final CatalogDatabases DATABASES = new CatalogDatabases("cairn_models_test");

  static Stream<Arguments> databases() throws Exception {
    return DATABASES.arguments();
  }

  @AfterAll
  static void dropPostgres() {
    DATABASES.drop();
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void artifactsAndDetailsAreKeptPerVersion(String name, DataSource ds) {
    ModelRepository models = registry(ds);
    models.register("segments", "kmeans", List.of("x"), Map.of("k", 3.0), "jdbc/shop.orders", "alice");
    byte[] bytes = new byte[300_000];
    new java.util.Random(1).nextBytes(bytes);
    models.storeArtifact("segments", 1, "tribuo", bytes, "{\"k\":3}");
    models.storeArtifact("segments", 1, "tribuo", bytes, "{\"k\":4}");
    assertThat(models.artifact("segments", 1)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
    assertThat(models.details("segments", 1)).contains("{\"k\":4}");
    assertThat(models.artifact("segments", 2)).isEmpty();
    assertThatThrownBy(() -> models.storeArtifact("segments", 2, "tribuo", bytes, "{}"))
        .hasMessage("no version 2 of model 'segments'");
  }
}
