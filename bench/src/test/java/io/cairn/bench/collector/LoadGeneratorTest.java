package io.cairn.bench.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's parts work (not how fast): its batches are Segment batches, the generator counts answers. */
class LoadGeneratorTest {
  @Test
  void batchesAreSegmentBatchesOfDistinctEvents() throws Exception {
    JsonNode batch = new ObjectMapper().readTree(SegmentBatches.batch(3, 1, 100));
    assertThat(batch.get("batch")).hasSize(100);
    assertThat(batch.get("batch").get(0).get("type").asText()).isEqualTo("track");
    assertThat(batch.get("batch").get(0).get("messageId").asText()).isEqualTo("bench-3-1-0");
    assertThat(batch.get("batch").get(99).get("messageId").asText()).isEqualTo("bench-3-1-99");
    assertThat(batch.get("context").get("library").get("name").asText()).isEqualTo("analytics-java");
  }

  @Test
  void theGeneratorMeasuresAnswersAndCountsErrors() throws Exception {
    try (BareJsonEndpoint endpoint = BareJsonEndpoint.start()) {
      LoadGenerator load = new LoadGenerator(2, Duration.ofSeconds(1), Duration.ofSeconds(2));
      LoadGenerator.Result ok = LoadGenerator.combine("bare", List.of(load.run(endpoint.url(), List.of("k", "k")),
          load.run(endpoint.url(), List.of("k", "k"))));
      assertThat(ok.requests()).isPositive();
      assertThat(ok.errors()).isZero();
      assertThat(ok.eventsPerSecond()).isPositive();
      assertThat(ok.p50Millis()).isLessThanOrEqualTo(ok.p99Millis());
      LoadGenerator.Result down = LoadGenerator.combine("nothing there",
          List.of(load.run("http://127.0.0.1:1", List.of("k", "k"))));
      assertThat(down.requests()).isZero();
      assertThat(down.errors()).isPositive();
      assertThat(down.firstError()).startsWith("-1");
    }
  }
}
