package io.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every benchmark once at toy size against the built server and the machine's PostgreSQL, and checks that
 * the report carries every figure. Asserts nothing about speed.
 */
class BenchmarksSmokeTest {
  private static final String NUMBER = "[0-9][0-9,.]*";

  @Test
  void theWholeBenchmarkPrintsEveryFigure(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path json = tmp.resolve("report.json");

    int status = Benchmarks.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "--rows", "2000", "--starts", "1", "--installs", "2",
        "--events", "3000", "--rate", "1000",
        "--subjects", "100000", "--db-url", "jdbc:postgresql://127.0.0.1:5432/cairn_bench_smoke",
        "--report", json.toString());

    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as("exit status; stderr:%n%s%nstdout:%n%s", err, report).isZero();
    assertThat(report)
        .containsPattern("\\(a\\) Cairn.* " + NUMBER + " +" + NUMBER + "\n")
        .containsPattern("\\(b\\) same route on bare Camel.* " + NUMBER + " +" + NUMBER + "\n")
        .containsPattern("\\(c\\) PostgreSQL COPY.* " + NUMBER + " +" + NUMBER + "\n")
        .containsPattern("Cairn wall time .*: " + NUMBER + " s")
        .containsPattern("ratios: Cairn / bare Camel = " + NUMBER + " +Cairn / COPY = " + NUMBER)
        .containsPattern("first start \\(H2 migration, admin, [0-9]+ bundled plugins\\) +" + NUMBER + " ms")
        .containsPattern("warm restart .* " + NUMBER + " ms")
        .containsPattern("upload -> 201 Created +" + NUMBER + " ms")
        .containsPattern("upload -> a flow using it deployed +" + NUMBER + " ms")
        .containsPattern("\\(a\\) Cairn: kafka source -> kafka sink.* " + NUMBER + " +" + NUMBER + " +" + NUMBER + "\n")
        .containsPattern("\\(b\\) bare relay.* " + NUMBER + " +" + NUMBER + " +" + NUMBER + "\n")
        .containsPattern("events/s ratio: Cairn / bare relay = " + NUMBER)
        // a smoke-sized backlog can be relayed by the bare relay within one poll, between the first output event
        // and the last it then uses no measurable CPU, and the report says n/a rather than dividing by zero
        .containsPattern("CPU per event ratio: Cairn / bare relay = (" + NUMBER + "|n/a)")
        .containsPattern("\\(a\\) Cairn consent gate, batches of 1,000 +" + NUMBER + " ns/row")
        .containsPattern("ratio Cairn / HashSet = " + NUMBER)
        .doesNotContain("FAILED");

    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertThat(r.path("flow").path("rows").asLong()).isEqualTo(2000);
    for (String m : new String[] {"cairn", "bareCamel", "copy"}) {
      assertThat(r.path("flow").path(m).path("rowsPerSecond").asDouble()).as(m).isPositive();
    }
    assertThat(r.path("flow").path("cairnVsBareCamel").asDouble()).isPositive();
    assertThat(r.path("flow").path("cairnVsCopy").asDouble()).isPositive();
    assertThat(r.path("start").path("firstStart").path("medianMillis").asDouble()).isPositive();
    assertThat(r.path("start").path("warmRestart").path("medianMillis").asDouble()).isPositive();
    assertThat(r.path("plugin").path("untilCreated").path("millis")).hasSize(2);
    assertThat(r.path("plugin").path("untilDeployable").path("medianMillis").asDouble()).isPositive();
    assertThat(r.path("kafka").path("cairn").path("eventsPerSecond").asDouble()).isPositive();
    assertThat(r.path("kafka").path("bare").path("p99Millis").asDouble()).isPositive();
    assertThat(r.path("kafka").path("bare").path("cpuMicrosPerEvent").asDouble()).isPositive();
    assertThat(r.path("kafka").path("cairn").path("startSeconds").asDouble()).isPositive();
    assertThat(r.path("consent").path("subjects").asInt()).isEqualTo(100_000);
    assertThat(r.path("consent").path("consentNsPerRow").asDouble()).isPositive();
    assertThat(r.path("failures")).isEmpty();
  }
}
