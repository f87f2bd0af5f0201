package io.cairn.governance.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.governance.RunScope;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metrics reported through {@code onMetrics}, summed per run, as data quality facets and Cairn's run facet. */
class LineageMetricsTest {
  private static final EventValidator VALIDATOR = new EventValidator();
  private static final DatasetRef SOURCE = new DatasetRef("file", "/data/customers.csv");
  private static final DatasetRef TARGET = new DatasetRef("postgres://db:5432", "shop.public.customers");
  private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("email", ColumnType.STRING));

  private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
  private final LineageRecorder recorder = new LineageRecorder("cairn", Duration.ofMillis(40), events::add);

  @AfterEach
  void close() throws Exception {
    recorder.close();
  }

  @Test
  void qualityMetricsBecomeTheInputsDataQualityFacetsSummedOverBatches() throws Exception {
    RunScope run = run("quality-run");
    for (int i = 0; i < 2; i++) {
      recorder.afterRead(run, SOURCE, batch(10));
      recorder.onMetrics(run, "quality", Map.of("rows", 10.0, "column.email.nullCount", 2.0 + i,
          "column.email.checked", 10.0, "rule.not_null@email.checked", 10.0, "rule.not_null@email.failed",
          2.0 + i, "rule.row_count.checked", 10.0, "rule.row_count.failed", 0.0, "some.future.key", 7.0));
      recorder.afterWrite(run, TARGET, batch(10), 10);
    }
    recorder.onRunEnd(run, "SUCCEEDED", null);
    recorder.flush();

    assertThat(events).allSatisfy(e -> assertThat(VALIDATOR.validate(e)).isEmpty());
    JsonNode input = events.getLast().path("inputs").get(0).path("inputFacets");
    JsonNode metrics = input.path("dataQualityMetrics");
    assertThat(metrics.path("rowCount").asLong()).isEqualTo(20);
    assertThat(metrics.path("columnMetrics").path("email").path("nullCount").asLong()).isEqualTo(5);
    assertThat(metrics.path("_schemaURL").asText()).contains("DataQualityMetricsInputDatasetFacet");
    JsonNode assertions = input.path("dataQualityAssertions").path("assertions");
    assertThat(assertions).hasSize(2);
    assertThat(assertions.get(0).path("assertion").asText()).isEqualTo("not_null");
    assertThat(assertions.get(0).path("column").asText()).isEqualTo("email");
    assertThat(assertions.get(0).path("success").asBoolean()).isFalse();
    assertThat(assertions.get(0).path("actual").asText()).isEqualTo("5");
    assertThat(assertions.get(1).path("assertion").asText()).isEqualTo("row_count");
    assertThat(assertions.get(1).has("column")).isFalse();
    assertThat(assertions.get(1).path("success").asBoolean()).isTrue();
    assertThat(events.getLast().path("outputs").get(0).path("outputFacets").has("dataQualityMetrics")).isFalse();
    assertThat(events.getLast().path("run").path("facets").has(GovernanceRunFacet.KEY)).isFalse();
  }

  @Test
  void otherMetricsBecomeTheCairnGovernanceRunFacetInRunningAndFailEvents() throws Exception {
    RunScope run = run("consent-run");
    recorder.afterRead(run, SOURCE, batch(10));
    recorder.onMetrics(run, "consent", Map.of("checked.email_marketing", 10.0,
        "dropped.email_marketing.denied", 1.0));
    Thread.sleep(200);
    recorder.onMetrics(run, "consent", Map.of("checked.email_marketing", 5.0,
        "dropped.email_marketing.unknown_subject", 2.0));
    recorder.onMetrics(run, "", Map.of("ignored", 1.0));
    recorder.onRunEnd(run, "FAILED", new IllegalStateException("sink refused"));
    recorder.flush();

    assertThat(events).allSatisfy(e -> assertThat(VALIDATOR.validate(e)).isEmpty());
    JsonNode running = events.stream().filter(e -> e.path("eventType").asText().equals("RUNNING")).findFirst()
        .orElseThrow();
    assertThat(running.path("run").path("facets").path(GovernanceRunFacet.KEY).path("consent")
        .path("checked.email_marketing").asDouble()).isEqualTo(10.0);
    JsonNode fail = events.getLast();
    assertThat(fail.path("eventType").asText()).isEqualTo("FAIL");
    JsonNode facet = fail.path("run").path("facets").path(GovernanceRunFacet.KEY);
    assertThat(facet.path("_producer").asText()).isEqualTo(LineageRecorder.PRODUCER.toString());
    assertThat(facet.path("_schemaURL").asText()).endsWith("CairnGovernanceRunFacet.json#/$defs/CairnGovernanceRunFacet");
    assertThat(facet.path("consent").path("checked.email_marketing").asDouble()).isEqualTo(15.0);
    assertThat(facet.path("consent").path("dropped.email_marketing.denied").asDouble()).isEqualTo(1.0);
    assertThat(facet.path("consent").path("dropped.email_marketing.unknown_subject").asDouble()).isEqualTo(2.0);
    assertThat(facet.properties()).extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("_producer", "_schemaURL", "consent");
  }

  @Test
  void theValidatorChecksTheCairnGovernanceFacetAgainstItsSchema() throws Exception {
    RunScope run = run("checked-run");
    recorder.onMetrics(run, "consent", Map.of("checked.analytics", 3.0));
    recorder.onRunEnd(run, "SUCCEEDED", null);
    recorder.flush();
    ObjectNode broken = events.getLast().deepCopy();
    ((ObjectNode) broken.path("run").path("facets").path(GovernanceRunFacet.KEY).path("consent"))
        .put("checked.analytics", "three");
    assertThat(VALIDATOR.validate(events.getLast())).isEmpty();
    assertThat(VALIDATOR.validate(broken)).anySatisfy(p -> assertThat(p).contains("checked.analytics"));
  }

  private RunScope run(String flow) {
    RunScope run = new RunScope(flow, UUID.randomUUID().toString(), null);
    recorder.onRunStart(run);
    return run;
  }

  private static Batch batch(int rows) {
    Batch.Builder b = Batch.builder(SCHEMA);
    for (int i = 0; i < rows; i++) {
      b.add(new Row(new Object[] {(long) i, "a" + i + "@example.com"}, null,
          new io.cairn.spi.data.Provenance(SOURCE, String.valueOf(i))));
    }
    return b.build();
  }
}
