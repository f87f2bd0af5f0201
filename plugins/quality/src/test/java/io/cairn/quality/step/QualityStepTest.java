package io.cairn.quality.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.quality.rules.QualityFailure;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step on SPI batches: quarantine with rule and value, fixes in the column's type, fail, lineage. */
class QualityStepTest {
  static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("email", ColumnType.STRING),
      Column.of("score", ColumnType.LONG));
  static final DatasetRef DS = new DatasetRef("file", "/data/people.csv");

  @TempDir Path dir;

  static Batch batch(Object[]... rows) {
    Batch.Builder b = Batch.builder(SCHEMA).sourceOffset("9");
    for (int i = 0; i < rows.length; i++) {
      b.add(new Row(rows[i], "s" + i, new Provenance(DS, String.valueOf(i + 1))));
    }
    return b.build();
  }

  static Step step(Map<String, String> config) {
    QualityStepFactory f = new QualityStepFactory();
    return f.create(f.configDef().validate(config));
  }

  @Test
  void quarantinesWithRuleAndValueAndPassesTheRestFixedAndTyped() throws Exception {
    Step step = step(Map.of("rules", """
        - {rule: format, column: email, format: email}
        - {rule: not_null, column: score, action: fix, fix: {fix: fill, strategy: mean}}
        """));
    FakeTaskContext ctx = new FakeTaskContext("r1", dir);
    Batch out = step.apply(batch(new Object[] {1L, "a@x.io", 10L}, new Object[] {2L, "nope", 5L},
        new Object[] {3L, "c@x.io", null}, new Object[] {4L, "d@x.io", 21L}), ctx);

    assertThat(out.sourceOffset()).isEqualTo("9");
    assertThat(out.rows()).extracting(r -> r.get(0), r -> r.get(2)).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1L, 10L), org.assertj.core.groups.Tuple.tuple(3L, 16L),
        org.assertj.core.groups.Tuple.tuple(4L, 21L));
    assertThat(out.rows().get(1).subjectId()).as("rows keep subject and provenance").isEqualTo("s2");
    assertThat(out.rows().get(1).provenance().offset()).isEqualTo("3");
    assertThat(ctx.quarantined()).singleElement().satisfies(q -> {
      assertThat(q.where().offset()).isEqualTo("2");
      assertThat(q.subjectId()).as("the row's subject goes with it").isEqualTo("s1");
      assertThat(q.reason()).isEqualTo("rule 'format:email' on column 'email': value 'nope' is not a valid email");
      assertThat(q.rawRecord()).as("JSON, to fix and replay").isEqualTo("{\"id\":2,\"email\":\"nope\",\"score\":5}");
    });
  }

  @Test
  void aFailRuleFailsTheBatchAfterQuarantining() {
    Step step = step(Map.of("rules", """
        - {rule: not_null, column: email}
        - {rule: range, column: score, max: 100, action: fail}
        """));
    FakeTaskContext ctx = new FakeTaskContext("r1", dir);
    assertThatThrownBy(() -> step.apply(batch(new Object[] {1L, null, 1L}, new Object[] {2L, "b", 500L}), ctx))
        .isInstanceOf(QualityFailure.class)
        .hasMessage("data quality check failed: rule 'range:score' on column 'score': value '500' is not <= 100");
    assertThat(ctx.reasons()).containsExactly("rule 'not_null:email' on column 'email': value is missing");
  }

  @Test
  void aFixWhoseResultDoesNotFitTheColumnTypeQuarantines() throws Exception {
    Step step = step(Map.of("rules", "- {fix: fill, column: score, value: lots}"));
    FakeTaskContext ctx = new FakeTaskContext("r1", dir);
    Batch out = step.apply(batch(new Object[] {1L, "a", null}, new Object[] {2L, "b", 2L}), ctx);
    assertThat(out.rows()).extracting(r -> r.get(0)).containsExactly(2L);
    assertThat(ctx.reasons()).containsExactly("column 'score': fixed value 'lots' is not a LONG");
  }

  @Test
  void declaresColumnLineageForFixedColumns() {
    Step step = step(Map.of("rules", "- {fix: trim, column: email}\n- {fix: trim, column: absent}"));
    assertThat(step.columnLineage(SCHEMA)).containsExactly(new ColumnDerivation("email", List.of("email"),
        ColumnDerivation.Kind.DERIVED, "quality fix 'trim:email': trim", java.util.Set.of(), java.util.Set.of()));
  }

  @Test
  void rulesFromAFileAndConfigurationErrors() throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), "- rule: unique\n  column: id\n");
    Step step = step(Map.of("rulesFile", file.toString()));
    FakeTaskContext ctx = new FakeTaskContext("r1", dir);
    assertThat(step.apply(batch(new Object[] {1L, "a", 1L}, new Object[] {1L, "b", 2L}), ctx).rows()).hasSize(1);

    assertThatThrownBy(() -> step(Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("property 'rules', 'rulesFile', 'suite' or 'suiteName' is required");
    assertThatThrownBy(() -> step(Map.of("rules", "- {rule: nope}"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bad quality rules: rule 1: unknown rule 'nope'");
    assertThatThrownBy(() -> step(Map.of("rules", "- {rule: unique, column: id}", "rulesFile", file.toString())))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> step(Map.of("rulesFile", dir.resolve("missing.yaml").toString())))
        .hasMessageContaining("cannot read");
  }

  @Test
  void aGreatExpectationsSuiteRunsAfterTheRules() throws Exception {
    Path suite = Files.writeString(dir.resolve("suite.json"), """
        {"expectation_suite_name": "people", "expectations": [
          {"expectation_type": "expect_column_values_to_match_regex", "kwargs": {"column": "email", "regex": "@"}},
          {"expectation_type": "expect_column_values_to_be_unique", "kwargs": {"column": "id"}}]}
        """);
    FakeTaskContext ctx = new FakeTaskContext("r1", dir);
    Step quarantine = step(Map.of("suite", suite.toString(), "suiteAction", "quarantine",
        "rules", "- {fix: trim, column: email}"));
    Batch out = quarantine.apply(batch(new Object[] {1L, " a@x ", 1L}, new Object[] {2L, "nope", 2L},
        new Object[] {3L, "c@x", 3L}), ctx);
    assertThat(out.rows()).extracting(r -> r.get(1)).containsExactly("a@x", "c@x");
    assertThat(ctx.reasons()).containsExactly(
        "expectation 'expect_column_values_to_match_regex:email': value 'nope' is unexpected");

    Step fail = step(Map.of("suite", suite.toString()));
    assertThatThrownBy(() -> fail.apply(batch(new Object[] {1L, "a@x", 1L}, new Object[] {1L, "b@x", 2L}), ctx))
        .isInstanceOf(QualityFailure.class).hasMessageContaining(
            "expectation 'expect_column_values_to_be_unique:id' {column=id} failed: 2 unexpected (100.0%), e.g. [1, 1]");

    Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"expectation_type\": \"expect_nothing\"}]");
    assertThatThrownBy(() -> step(Map.of("suite", bad.toString()))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bad expectation suite").hasMessageContaining("unknown expectation type 'expect_nothing'");
  }

  @Test
  void aStoredSuiteIsReadByNameFromTheHostsSuitesFolder() throws Exception {
    Path flowDir = Files.createDirectories(dir.resolve("home/flows/f1"));
    Files.createDirectories(dir.resolve("home/quality/suites"));
    Files.writeString(dir.resolve("home/quality/suites/people.gx.json"), "{\"expectations\": [{\"expectation_type\": "
        + "\"expect_column_values_to_not_be_null\", \"kwargs\": {\"column\": \"email\"}}]}");
    FakeTaskContext ctx = new FakeTaskContext("r1", flowDir);
    Step step = step(Map.of("suiteName", "people", "suiteAction", "quarantine"));
    assertThat(step.apply(batch(new Object[] {1L, "a@x.io", 1L}, new Object[] {2L, null, 2L}), ctx).rows()).hasSize(1);
    assertThat(ctx.quarantined()).singleElement().satisfies(q ->
        assertThat(q.reason()).contains("expect_column_values_to_not_be_null:email"));
    Step missing = step(Map.of("suiteName", "nope"));
    assertThatThrownBy(() -> missing.apply(batch(new Object[] {1L, "a", 1L}), ctx)).isInstanceOf(QualityFailure.class)
        .hasMessageContaining("no stored quality suite 'nope'");
  }

  @Test
  void reportsEachBatchsCountsEvenWhenTheBatchFails() {
    List<Map<String, Double>> reported = new java.util.ArrayList<>();
    FakeTaskContext fake = new FakeTaskContext("r1", dir);
    io.cairn.spi.TaskContext ctx = new io.cairn.spi.TaskContext() {
      @Override
      public String flowId() {
        return fake.flowId();
      }

      @Override
      public String runId() {
        return fake.runId();
      }

      @Override
      public void quarantine(Provenance where, String rawRecord, String reason) {
        fake.quarantine(where, rawRecord, reason);
      }

      @Override
      public Path workDir() {
        return dir;
      }

      @Override
      public void reportMetrics(String name, Map<String, Double> counts) {
        assertThat(name).isEqualTo("quality");
        reported.add(counts);
      }
    };
    Step step = step(Map.of("rules", "- {rule: unique, column: id}\n- {rule: range, column: score, max: 9, action: fail}"));
    assertThatThrownBy(() -> step.apply(batch(new Object[] {1L, "a", 1L}, new Object[] {1L, null, 2L},
        new Object[] {2L, "b", 10L}), ctx)).isInstanceOf(QualityFailure.class);
    assertThat(reported).singleElement().satisfies(m -> assertThat(m).containsEntry("rows", 3.0)
        .containsEntry("valid_rows", 1.0).containsEntry("present_cells", 8.0).containsEntry("duplicates", 1.0)
        // per column and per rule counts, for OpenLineage's data quality facets
        .containsEntry("column.email.nullCount", 1.0).containsEntry("column.email.checked", 3.0)
        .containsEntry("column.id.nullCount", 0.0)
        .containsEntry("rule.unique@id.checked", 3.0).containsEntry("rule.unique@id.failed", 1.0)
        .containsEntry("rule.range@score.checked", 2.0).containsEntry("rule.range@score.failed", 1.0));
    assertThat(fake.quarantined()).hasSize(1);
  }
}
