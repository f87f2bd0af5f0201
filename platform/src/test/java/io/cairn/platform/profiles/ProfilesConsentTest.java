package io.cairn.platform.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.ModelRepository;
import io.cairn.catalog.identity.GraphChange;
import io.cairn.catalog.identity.IdentityGraphRepository;
import io.cairn.catalog.identity.StoredRecord;
import io.cairn.catalog.policy.AuditRepository;
import io.cairn.catalog.segments.ExportEntry;
import io.cairn.catalog.segments.SegmentRepository;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.consent.ConsentGate;
import io.cairn.governance.keys.ManagedKey;
import io.cairn.governance.masking.Digests;
import io.cairn.platform.lineage.LineageModule;
import io.cairn.spi.Purpose;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent decides which rows enter training and which segment members an activation export sends (an
 * in-test gate stands in for the consent engine; everything else is real, on an H2 catalog).
 */
class ProfilesConsentTest {
  @TempDir Path dir;
  private CatalogDatabase catalog;
  private LineageModule lineage;

  /** Allows a@x.com and b@x.com for everything, has c@x.com withdrawn, d@x.com suppressed, others unknown. */
  private static final ConsentGate GATE = (identifier, purpose) -> switch (identifier) {
    case "a@x.com", "b@x.com", "s1", "s2" -> ConsentGate.Verdict.ALLOW;
    case "c@x.com" -> ConsentGate.Verdict.WITHDRAWN;
    case "d@x.com" -> ConsentGate.Verdict.SUPPRESSED;
    default -> ConsentGate.Verdict.UNKNOWN_SUBJECT;
  };

  @BeforeEach
  void catalog() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(CatalogDatabase.h2FileUrl(Files.createDirectories(dir.resolve("db"))));
    catalog = new CatalogDatabase(h2);
    catalog.migrate();
    lineage = new LineageModule(catalog, "cairn", Duration.ofMinutes(5), Optional.empty());
  }

  @AfterEach
  void close() throws Exception {
    lineage.stop();
  }

  @Test
  void onlyRowsOfPermittedSubjectsEnterTraining() {
    ModelService models = new ModelService(new ModelRepository(catalog), GATE, lineage.recorder());
    double[][] x = {{1}, {2}, {3}, {4}};
    ModelService.Rows kept = models.permitted(new ModelService.Rows(List.of("f"), x,
        java.util.Arrays.asList("s1", "c@x.com", null, "s2"), new boolean[] {true, false, true, false}));
    assertThat(kept.x()).isDeepEqualTo(new double[][] {{1}, {4}});
    assertThat(kept.subjects()).containsExactly("s1", "s2");
    assertThat(kept.outcomes()).containsExactly(true, false);
    assertThatThrownBy(() -> models.permitted(new ModelService.Rows(List.of("f"), x, List.of("s1"), null)))
        .hasMessageContaining("1 subjects for 4 rows");
  }

  @Test
  void exportsSendOnlyPermittedMembersHashedAndCountTheRestAsSuppressed() throws Exception {
    IdentityGraphRepository graphs = new IdentityGraphRepository(catalog);
    graphs.save("shop", new GraphChange(List.of(rec("r1", "P-a", "A@X.com", "(415) 555-0100"),
        rec("r2", "P-b", "b@x.com", null), rec("r3", "P-b", "c@x.com", null), rec("r4", "P-d", "d@x.com", null),
        rec("r5", "P-e", "e@x.com", null)), Map.of(), List.of(), false));
    SegmentRepository segments = new SegmentRepository(catalog);
    segments.define("all", "true", "shop", "mia");
    segments.replaceMembers("all", Set.of("P-a", "P-b", "P-d", "P-e"));
    AuditLog audit = new AuditLog(new AuditRepository(catalog), ManagedKey.load("audit", null, dir.resolve("keys")), 100);
    ActivationExports exports = new ActivationExports(segments, graphs, GATE, lineage.recorder(), audit,
        dir.resolve("exports"));

    ExportEntry e = exports.export("all", "csv", "advertising", null, "mia");
    assertThat(e.rows()).isEqualTo(1);
    assertThat(e.suppressed()).as("P-b withdrawn through one identifier, P-d suppressed, P-e unknown").isEqualTo(3);
    Path file = Path.of(java.net.URI.create(e.manifest().split(" ")[0]));
    assertThat(Files.readAllLines(file)).containsExactly("email_sha256,phone_sha256",
        Digests.sha256Hex("a@x.com") + "," + Digests.sha256Hex("+14155550100"));
    assertThat(e.manifest()).contains("sha256=" + java.util.HexFormat.of().formatHex(
        Digests.sha256(Files.readAllBytes(file))));
    assertThat(segments.exports("all")).hasSize(1);
    assertThat(audit.find(new io.cairn.catalog.policy.AuditQuery(null, null, null, "segments.export", null, null), 0,
        10)).hasSize(1);

    assertThatThrownBy(() -> exports.export("all", "csv", "profiling", null, "mia"))
        .hasMessageContaining("advertising or email_marketing");
    assertThatThrownBy(() -> exports.export("none", "csv", "advertising", null, "mia"))
        .hasMessageContaining("no segment 'none'");
    assertThat(exports.export("all", "webhook", Purpose.EMAIL_MARKETING.name(), "http://127.0.0.1:9/hook", "mia")
        .status()).as("a webhook nobody answers").isEqualTo("FAILED");
  }

  @Test
  void theScoringStepScoresOnlyRowsOfPermittedSubjects() throws Exception {
    ModelService models = new ModelService(new ModelRepository(catalog), GATE, lineage.recorder());
    java.util.Random r = new java.util.Random(3);
    double[][] x = new double[400][];
    boolean[] y = new boolean[400];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {r.nextGaussian()};
      y[i] = x[i][0] + 0.5 * r.nextGaussian() > 0;
    }
    models.trainPropensity("buy", new ModelService.Rows(List.of("f"), x, null, y), 0.25, 1, "file/train.csv", "e");
    ModelStepFactory factory = ModelStepFactory.scoring(models);
    io.cairn.spi.step.Step step = factory.create(factory.configDef().validate(Map.of("model", "buy")));
    io.cairn.spi.data.Schema schema = io.cairn.spi.data.Schema.of(List.of(
        new io.cairn.spi.data.Column("f", io.cairn.spi.data.ColumnType.DOUBLE, true, Set.of())));
    io.cairn.spi.data.DatasetRef ds = new io.cairn.spi.data.DatasetRef("file", "in.csv");
    io.cairn.spi.data.Batch in = io.cairn.spi.data.Batch.of(schema, List.of(
        new io.cairn.spi.data.Row(new Object[] {2.0}, "s1", new io.cairn.spi.data.Provenance(ds, "1")),
        new io.cairn.spi.data.Row(new Object[] {2.0}, "c@x.com", new io.cairn.spi.data.Provenance(ds, "2")),
        new io.cairn.spi.data.Row(new Object[] {null}, "s2", new io.cairn.spi.data.Provenance(ds, "3"))), "3");
    io.cairn.spi.data.Batch out = step.apply(in, new TestContext(dir));
    assertThat((Double) out.rows().get(0).get(1)).isGreaterThan(0.8);
    assertThat(out.rows().get(1).get(1)).as("withdrawn: not scored").isNull();
    assertThat(out.rows().get(2).get(1)).as("a missing feature: not scored").isNull();
    assertThat(step.purposes()).containsExactly(Purpose.PROFILING);
    assertThat(step.columnLineage(schema)).singleElement().satisfies(d -> {
      assertThat(d.inputs()).containsExactly("f");
      assertThat(d.description()).isEqualTo("score of model://buy/1");
    });
    assertThatThrownBy(() -> ModelStepFactory.clustering(models).create(factory.configDef().validate(
        Map.of("model", "buy")))).hasMessageContaining("is a propensity model");
    assertThatThrownBy(() -> factory.create(factory.configDef().validate(Map.of("model", "nope"))))
        .hasMessageContaining("no model 'nope'");
  }

  @Test
  void lifetimeValuesAndRecommendationsReachOnlyPermittedSubjects() throws Exception {
    ModelService models = new ModelService(new ModelRepository(catalog), GATE, lineage.recorder());
    java.util.Random r = new java.util.Random(5);
    double[][] x = new double[300][];
    double[] y = new double[300];
    List<String> subjects = new java.util.ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {10 * r.nextDouble()};
      y[i] = 100 + 20 * x[i][0] + r.nextGaussian();
      subjects.add(i % 3 == 0 ? "c@x.com" : "s" + (1 + i % 2));
    }
    var clv = models.trainLifetimeValue("value", List.of("f"), x, y, subjects, 0.25, 1, "file/orders.csv", "e");
    assertThat(clv.metrics().get("excluded_rows")).as("the withdrawn subject's rows").isEqualTo(100.0);
    ModelStepFactory scoring = ModelStepFactory.scoring(models);
    io.cairn.spi.data.Schema schema = io.cairn.spi.data.Schema.of(List.of(
        new io.cairn.spi.data.Column("f", io.cairn.spi.data.ColumnType.DOUBLE, true, Set.of()),
        new io.cairn.spi.data.Column("items", io.cairn.spi.data.ColumnType.STRING, true, Set.of())));
    io.cairn.spi.data.DatasetRef ds = new io.cairn.spi.data.DatasetRef("file", "in.csv");
    io.cairn.spi.data.Batch in = io.cairn.spi.data.Batch.of(schema, List.of(
        new io.cairn.spi.data.Row(new Object[] {5.0, "x"}, "s1", new io.cairn.spi.data.Provenance(ds, "1")),
        new io.cairn.spi.data.Row(new Object[] {5.0, "x"}, "c@x.com", new io.cairn.spi.data.Provenance(ds, "2"))),
        "2");
    io.cairn.spi.data.Batch scored = scoring.create(scoring.configDef().validate(Map.of("model", "value")))
        .apply(in, new TestContext(dir));
    assertThat((Double) scored.rows().get(0).get(2)).isCloseTo(200.0, org.assertj.core.data.Offset.offset(5.0));
    assertThat(scored.rows().get(1).get(2)).as("withdrawn: no value").isNull();

    models.trainRecommender("basket", Map.of("s1", List.of("x", "y"), "s2", List.of("x", "y", "z"),
        "c@x.com", List.of("x", "secret")), 2, 2, 0.5, 1, null, "e");
    RecommendStepFactory recommending = new RecommendStepFactory(models);
    io.cairn.spi.step.Step step = recommending.create(recommending.configDef().validate(Map.of("model", "basket")));
    io.cairn.spi.data.Batch recommended = step.apply(in, new TestContext(dir));
    assertThat(recommended.rows().get(0).get(2)).isEqualTo("y|z");
    assertThat(recommended.rows().get(1).get(2)).as("withdrawn: no recommendations").isNull();
    assertThat(step.columnLineage(schema)).singleElement()
        .satisfies(d -> assertThat(d.description()).isEqualTo("recommendations of model://basket/1"));
    assertThatThrownBy(() -> scoring.create(scoring.configDef().validate(Map.of("model", "basket"))))
        .hasMessageContaining("is a recommender model");
    assertThatThrownBy(() -> recommending.create(recommending.configDef().validate(Map.of("model", "value"))))
        .hasMessageContaining("is a clv model, not a recommender");
    assertThatThrownBy(() -> recommending.create(recommending.configDef().validate(Map.of("model", "basket",
        "n", "0")))).hasMessageContaining("at least 1 item");
  }

  /** The host's side of one task, as far as a step needs it. */
  private record TestContext(Path workDir) implements io.cairn.spi.TaskContext {
    @Override
    public String flowId() {
      return "f";
    }

    @Override
    public String runId() {
      return "00000000-0000-0000-0000-000000000001";
    }

    @Override
    public void quarantine(io.cairn.spi.data.Provenance where, String rawRecord, String reason) {
      throw new AssertionError("nothing should be quarantined: " + reason);
    }
  }

  private static StoredRecord rec(String id, String profile, String email, String phone) {
    Map<String, String> ids = new java.util.LinkedHashMap<>();
    ids.put("email", email);
    if (phone != null) {
      ids.put("phone", phone);
    }
    return new StoredRecord(id, "crm", Instant.EPOCH, ids, Map.of(), profile);
  }
}
