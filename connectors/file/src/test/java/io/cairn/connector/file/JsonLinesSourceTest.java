package io.cairn.connector.file;

import static io.cairn.connector.testkit.SourceTasks.drain;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSourceTest {
  @TempDir Path dir;
  private final FakeTaskContext context = new FakeTaskContext("run-1", null);

  private SourceTask task(Map<String, String> config, String resume) throws Exception {
    return FileSources.started(context, config, resume);
  }

  @Test
  void readsDeclaredTypesFromNumbersStringsAndNestedValues() throws Exception {
    Path file = Files.writeString(dir.resolve("events.jsonl"), """
        {"id": 1, "user": "u1", "amount": 10.10, "day": "2024-03-01", "at": "2024-03-01T08:00:00Z", "ok": true, "meta": {"a": [1, 2]}}

        {"id": "2", "user": "u2", "amount": "3", "day": null, "at": "2024-03-01T09:00:00-01:00", "ok": "false", "extra": 1}
        """);
    SourceTask t = task(Map.of("path", file.toString(),
        "columns", "id:LONG,user:STRING,amount:DECIMAL,day:DATE,at:TIMESTAMP,ok:BOOLEAN,meta:JSON",
        "subjectColumn", "user"), null);
    List<Row> rows = rows(drain(t, 10));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).values()).containsExactly(1L, "u1", new BigDecimal("10.10"), LocalDate.of(2024, 3, 1),
        Instant.parse("2024-03-01T08:00:00Z"), true, "{\"a\":[1,2]}");
    assertThat(rows.get(1).values()).containsExactly(2L, "u2", new BigDecimal("3"), null,
        Instant.parse("2024-03-01T10:00:00Z"), false, null);
    assertThat(rows).extracting(Row::subjectId).containsExactly("u1", "u2");
    assertThat(rows).extracting(r -> r.provenance().offset()).containsExactly("1", "2");
  }

  @Test
  void quarantinesInvalidJsonAndValuesOfTheWrongType() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.jsonl"), """
        {"id": 1}
        {"id": 2
        {"id": 2.5}
        [1, 2]
        {"id": 5} trailing
        {"id": 6}
        """);
    SourceTask t = task(Map.of("path", file.toString(), "columns", "id:LONG"), null);
    List<Batch> batches = drain(t, 10);

    assertThat(rows(batches)).extracting(r -> r.get(0)).containsExactly(1L, 6L);
    assertThat(context.reasons()).hasSize(4);
    assertThat(context.reasons().get(0)).startsWith("line 2: invalid JSON: ");
    assertThat(context.reasons().get(1)).isEqualTo("line 3: column 'id': '2.5' is not a LONG");
    assertThat(context.reasons().get(2)).isEqualTo("line 4: expected a JSON object, found array");
    assertThat(context.reasons().get(3)).startsWith("line 5: invalid JSON: ");
    assertThat(context.quarantined().get(0).rawRecord()).isEqualTo("{\"id\": 2");
    assertThat(batches.getLast().sourceOffset()).isEqualTo("6");
  }

  @Test
  void aLineWithBytesThatAreNotUtf8IsQuarantinedAloneAndCrLfEndingsAreRead() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes("{\"id\":1,\"n\":\"Zoë\"}\r\n{\"id\":2,\"n\":\"".getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    int badAt = out.size();
    out.writeBytes(new byte[] {(byte) 0xE9, '"', '}', '\n'}); // Latin-1 é
    out.writeBytes("\n{\"id\":3,\"n\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path file = Files.write(dir.resolve("mixed.jsonl"), out.toByteArray());
    SourceTask t = task(Map.of("path", file.toString(), "columns", "id:LONG,n"), null);
    List<Row> rows = rows(drain(t, 10));

    assertThat(rows).extracting(Row::values).containsExactly(new Object[] {1L, "Zoë"},
        new Object[] {3L, "x"});
    assertThat(context.reasons()).containsExactly("line 2: invalid UTF-8 at byte " + badAt);
    assertThat(context.quarantined()).extracting(q -> q.rawRecord())
        .containsExactly("{\"id\":2,\"n\":\"\uFFFD\"}");
  }

  @Test
  void withoutDeclaredColumnsTheFirstValidRecordNamesTheStringColumns() throws Exception {
    Path file = Files.writeString(dir.resolve("free.ndjson"), """
        not json
        {"b": 1, "a": {"x": true}}
        {"a": "z", "c": 3}
        """);
    SourceTask t = task(Map.of("path", file.toString()), null);
    List<Batch> batches = drain(t, 10);

    assertThat(batches.getLast().schema().names()).containsExactly("b", "a");
    assertThat(rows(batches)).extracting(Row::values)
        .containsExactly(new Object[] {"1", "{\"x\":true}"}, new Object[] {null, "z"});
    assertThat(context.reasons()).singleElement().asString().startsWith("line 1: invalid JSON");
  }

  @Test
  void resumesAfterTheOffset() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 9; i++) {
      sb.append("{\"id\":").append(i).append("}\n");
    }
    Path file = Files.writeString(dir.resolve("r.jsonl"), sb);
    SourceTask t = task(Map.of("path", file.toString(), "columns", "id:LONG"), "4");
    assertThat(rows(drain(t, 100))).extracting(r -> r.get(0)).containsExactly(5L, 6L, 7L, 8L, 9L);
  }
}
