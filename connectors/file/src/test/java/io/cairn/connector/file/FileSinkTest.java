package io.cairn.connector.file;

import static io.cairn.connector.testkit.SourceTasks.drain;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
  private static final String COLUMNS = "id:LONG,email:STRING,day:DATE,amount:DECIMAL,ok:BOOLEAN,at:TIMESTAMP,"
      + "score:DOUBLE,meta:JSON";
  private static final Schema SCHEMA = DeclaredColumns.parse(COLUMNS);
  private static final Provenance FROM = new Provenance(new DatasetRef("test", "t"), "1");

  @TempDir Path dir;
  private final FakeTaskContext context = new FakeTaskContext("run-7", null);

  private static Batch batch(Object[]... rows) {
    return Batch.of(SCHEMA, java.util.Arrays.stream(rows).map(v -> new Row(v, null, FROM)).toList(), "x");
  }

  private SinkTask sink(Map<String, String> config) throws Exception {
    SinkTask s = new FileSinkConnector().createTask(new FileSinkConnector().configDef().validate(config));
    s.start(context);
    return s;
  }

  @Test
  void aFixedFileIsTheDatasetTheSourceReadingItNames() throws Exception {
    SinkTask sink = sink(Map.of("path", dir.resolve("data").toString(), "fileName", "customers.csv"));
    sink.write(batch(new Object[] {1L, "a@x.io", null, null, null, null, null, null}));
    sink.stop();
    Path file = dir.resolve("data/customers.csv");
    assertThat(sink.dataset()).isEqualTo(new DatasetRef("file", file.toString()));
    assertThat(FileSources.started(context, Map.of("path", file.toString(), "columns", COLUMNS), null).dataset())
        .isEqualTo(sink.dataset());
    // per-run files: the folder on both sides
    SinkTask parts = sink(Map.of("path", dir.resolve("parts").toString()));
    parts.stop();
    assertThat(FileSources.started(context, Map.of("path", dir.resolve("parts").toString(), "format", "csv",
        "columns", COLUMNS), null).dataset()).isEqualTo(parts.dataset())
        .isEqualTo(new DatasetRef("file", dir.resolve("parts").toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "jsonl"})
  void writesWhatTheSourceReadsBack(String format) throws Exception {
    Object[] first = {1L, "a,\"b\"\nc@x.io", LocalDate.of(2024, 1, 2), new BigDecimal("1234567890.0123456789"),
        true, Instant.parse("2024-01-02T03:04:05.123456Z"), 2.5, "{\"k\":[1,{\"z\":null}]}"};
    Object[] second = {2L, null, null, null, false, null, null, null};
    Object[] third = {3L, "é ünïcode", LocalDate.of(1999, 12, 31), new BigDecimal("-0.5"), null,
        Instant.parse("1970-01-01T00:00:00Z"), -1e300, "[]"};
    SinkTask sink = sink(Map.of("path", dir.resolve("out").toString(), "format", format));
    assertThat(sink.write(batch(first, second))).isEqualTo(2);
    assertThat(sink.write(batch(third))).isEqualTo(1);
    sink.stop();

    Path written = dir.resolve("out/part-run-7." + format);
    assertThat(written).exists();
    assertThat(sink.dataset()).isEqualTo(new DatasetRef("file", dir.resolve("out").toString()));
    Map<String, String> read = new HashMap<>(Map.of("path", written.toString(), "columns", COLUMNS));
    List<Row> rows = rows(drain(FileSources.started(context, read, null), 10));

    assertThat(context.quarantined()).isEmpty();
    assertThat(rows).extracting(Row::values).containsExactly(first, second, third);
  }

  @Test
  void writesOneCsvHeaderAndAppendsToAnExistingFile() throws Exception {
    Map<String, String> config = Map.of("path", dir.toString(), "fileName", "all.csv");
    SinkTask s1 = sink(config);
    s1.write(batch(new Object[] {1L, "a", null, null, null, null, null, null}));
    s1.write(Batch.of(SCHEMA, List.of(), null));
    s1.write(batch(new Object[] {2L, "b", null, null, null, null, null, null}));
    s1.stop();
    SinkTask s2 = sink(config);
    s2.write(batch(new Object[] {3L, "c", null, null, null, null, null, null}));
    s2.stop();
    s2.stop();

    assertThat(Files.readAllLines(dir.resolve("all.csv"))).containsExactly(
        "id,email,day,amount,ok,at,score,meta", "1,a,,,,,,", "2,b,,,,,,", "3,c,,,,,,");
  }

  @Test
  void theSchemaOfASingleColumnOfNullsRoundTripsAsNull() throws Exception {
    Schema one = Schema.of(Column.of("v", ColumnType.STRING));
    SinkTask s = sink(Map.of("path", dir.toString(), "format", "jsonl"));
    s.write(Batch.of(one, List.of(new Row(new Object[] {null}, null, FROM)), null));
    s.stop();
    assertThat(Files.readString(dir.resolve("part-run-7.jsonl"))).isEqualTo("{\"v\":null}\n");
  }
}
