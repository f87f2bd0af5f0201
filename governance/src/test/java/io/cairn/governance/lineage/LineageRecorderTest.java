package io.cairn.governance.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.governance.GovernanceHook.Direction;
import io.cairn.governance.RunScope;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.ColumnDerivation.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recorder driven as the runtime drives it: read, two steps, write; success, failure and streaming. */
class LineageRecorderTest {
  private static final EventValidator VALIDATOR = new EventValidator();
  private static final DatasetRef SOURCE = new DatasetRef("file", "/data/customers.csv");
  private static final DatasetRef TARGET = new DatasetRef("postgres://db:5432", "shop.public.customers");
  private static final Schema IN = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("email", ColumnType.STRING).withTags("PII", "PII.email"), Column.of("first", ColumnType.STRING),
      Column.of("last", ColumnType.STRING), Column.of("country", ColumnType.STRING));
  // step 1 (mask): email -> email_hash (masked, PII removed, PII.pseudonymised added); email dropped
  private static final List<ColumnDerivation> MASK = List.of(new ColumnDerivation("email_hash", List.of("email"),
      Kind.MASKED, "sha-256", Set.of("PII"), Set.of("PII.pseudonymised")));
  private static final Schema MASKED = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("email_hash", ColumnType.STRING), Column.of("first", ColumnType.STRING),
      Column.of("last", ColumnType.STRING), Column.of("country", ColumnType.STRING));
  // step 2 (names): full_name derived from first and last; both dropped; a constant 'loaded_by' with no input
  private static final List<ColumnDerivation> NAMES = List.of(
      ColumnDerivation.of("full_name", Kind.DERIVED, "first", "last"), ColumnDerivation.of("loaded_by", Kind.DERIVED));
  private static final Schema OUT = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("email_hash", ColumnType.STRING), Column.of("full_name", ColumnType.STRING),
      Column.of("country", ColumnType.STRING), Column.of("loaded_by", ColumnType.STRING));

  private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
  private final LineageRecorder recorder = new LineageRecorder("cairn", Duration.ofMillis(50), events::add);

  @AfterEach
  void close() throws Exception {
    recorder.close();
  }

  @Test
  void aMultiStepRunYieldsExactlyTheDeclaredColumnLineage() throws Exception {
    RunScope run = new RunScope("load-customers", UUID.randomUUID().toString(), "engineer");
    recorder.onRunStart(run);
    for (int i = 0; i < 3; i++) {
      Batch read = recorder.afterRead(run, SOURCE, batch(IN, 10));
      recorder.beforeStep(run, "mask", Set.of(), MASK, read);
      recorder.beforeStep(run, "names", Set.of(), NAMES, batch(MASKED, 10));
      recorder.afterWrite(run, TARGET, batch(OUT, 10), 10);
    }
    recorder.onRunEnd(run, "SUCCEEDED", null);
    recorder.flush();

    assertThat(events).allSatisfy(e -> assertThat(VALIDATOR.validate(e)).isEmpty());
    assertThat(events.getFirst().path("eventType").asText()).isEqualTo("START");
    JsonNode complete = events.getLast();
    assertThat(complete.path("eventType").asText()).isEqualTo("COMPLETE");
    assertThat(complete.path("job").path("name").asText()).isEqualTo("load-customers");
    assertThat(complete.path("run").path("runId").asText()).isEqualTo(run.runId());
    assertThat(complete.path("job").path("facets").path("ownership").path("owners").get(0).path("name").asText())
        .isEqualTo("user:engineer");
    JsonNode input = complete.path("inputs").get(0);
    assertThat(input.path("namespace").asText() + input.path("name").asText()).isEqualTo("file/data/customers.csv");
    assertThat(input.path("inputFacets").path("inputStatistics").path("rowCount").asLong()).isEqualTo(30);
    JsonNode output = complete.path("outputs").get(0);
    assertThat(output.path("outputFacets").path("outputStatistics").path("rowCount").asLong()).isEqualTo(30);
    assertThat(output.path("facets").path("schema").path("fields")).extracting(f -> f.path("name").asText())
        .containsExactly("id", "email_hash", "full_name", "country", "loaded_by");

    assertThat(lineage(output)).isEqualTo(new TreeMap<>(Map.of(
        "id", List.of("id:IDENTITY:false"),
        "email_hash", List.of("email:TRANSFORMATION:true"),
        "full_name", List.of("first:TRANSFORMATION:false", "last:TRANSFORMATION:false"),
        "country", List.of("country:IDENTITY:false"))));
    assertThat(tags(output)).containsExactlyInAnyOrder("email_hash=PII.pseudonymised");
    assertThat(tags(input)).containsExactlyInAnyOrder("email=PII", "email=PII.email");
  }

  @Test
  void aFailedRunEndsWithFailAndItsError() throws Exception {
    RunScope run = new RunScope("broken", UUID.randomUUID().toString(), null);
    recorder.onRunStart(run);
    recorder.afterRead(run, SOURCE, batch(IN, 5));
    recorder.onRunEnd(run, "FAILED", new IllegalStateException("sink refused", new RuntimeException("disk full")));
    recorder.flush();
    JsonNode fail = events.getLast();
    assertThat(fail.path("eventType").asText()).isEqualTo("FAIL");
    JsonNode error = fail.path("run").path("facets").path("errorMessage");
    assertThat(error.path("message").asText()).isEqualTo("disk full");
    assertThat(error.path("programmingLanguage").asText()).isEqualTo("JAVA");
    assertThat(error.path("stackTrace").asText()).contains("sink refused");
    assertThat(VALIDATOR.validate(fail)).isEmpty();
  }

  @Test
  void aStreamingRunEmitsRunningWithGrowingCounts() throws Exception {
    RunScope run = new RunScope("stream", UUID.randomUUID().toString(), null);
    recorder.onRunStart(run);
    recorder.onEndpoint(run, new DatasetRef("kafka://broker:9092", "clicks"), Direction.INPUT);
    for (int i = 0; i < 4; i++) {
      recorder.afterRead(run, SOURCE, batch(IN, 100));
      recorder.afterWrite(run, TARGET, batch(IN, 100), 100);
      Thread.sleep(150);
    }
    recorder.onRunEnd(run, "STOPPED", null);
    recorder.flush();
    List<Long> counts = events.stream().filter(e -> e.path("eventType").asText().equals("RUNNING"))
        .map(e -> e.path("outputs").get(0).path("outputFacets").path("outputStatistics").path("rowCount").asLong())
        .toList();
    assertThat(counts).hasSizeGreaterThanOrEqualTo(3).isSorted();
    assertThat(counts.getFirst()).isLessThan(counts.getLast());
    assertThat(events.getLast().path("eventType").asText()).isEqualTo("ABORT");
    assertThat(events.getLast().path("inputs")).extracting(i -> i.path("name").asText()).contains("clicks");
    assertThat(events).allSatisfy(e -> assertThat(VALIDATOR.validate(e)).isEmpty());
  }

  private static Map<String, List<String>> lineage(JsonNode output) {
    Map<String, List<String>> out = new TreeMap<>();
    output.path("facets").path("columnLineage").path("fields").properties().forEach(f -> {
      List<String> from = new ArrayList<>();
      f.getValue().path("inputFields").forEach(i -> {
        assertThat(i.path("namespace").asText() + i.path("name").asText()).isEqualTo("file/data/customers.csv");
        JsonNode t = i.path("transformations").get(0);
        from.add(i.path("field").asText() + ":" + t.path("subtype").asText() + ":" + t.path("masking").asBoolean());
      });
      out.put(f.getKey(), from);
    });
    return out;
  }

  private static List<String> tags(JsonNode dataset) {
    List<String> out = new ArrayList<>();
    dataset.path("facets").path("tags").path("tags").forEach(t -> out.add(t.path("field").asText() + "="
        + t.path("key").asText()));
    return out;
  }

  private static Batch batch(Schema schema, int rows) {
    Batch.Builder b = Batch.builder(schema);
    for (int i = 0; i < rows; i++) {
      Object[] values = new Object[schema.size()];
      b.add(new Row(values, null, new io.cairn.spi.data.Provenance(SOURCE, String.valueOf(i))));
    }
    return b.build();
  }
}
