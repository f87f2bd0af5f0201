package io.cairn.connector.parquet;

import static io.cairn.connector.testkit.SourceTasks.drain;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet sink and source on a real lake folder: layout, types, idempotent re-delivery, bad files. */
class ParquetLakeTest {
  @TempDir Path dir;

  private List<Row> read(Path lake, FakeTaskContext context) throws Exception {
    ParquetSourceConnector c = new ParquetSourceConnector();
    SourceTask task = c.createTask(c.configDef().validate(Map.of("path", lake.toString(), "subjectColumn",
        "email")));
    task.start(context, null);
    List<Row> rows = rows(drain(task, 7));
    task.stop();
    return rows;
  }

  private static List<String> files(Path lake) throws Exception {
    try (Stream<Path> walk = Files.walk(lake)) {
      return walk.filter(Files::isRegularFile).map(p -> lake.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void writesHivePartitionsByDayAndReadsEveryValueBackWithItsType() throws Exception {
    Path lake = dir.resolve("lake/orders");
    Lake.write(lake, 30, 10, dir);

    List<String> files = files(lake);
    assertThat(files).allMatch(f -> f.matches("dt=\\d{4}-\\d{2}-\\d{2}/part-[0-9a-f]{24}-\\d+\\.parquet"));
    assertThat(files.stream().map(f -> f.substring(0, f.indexOf('/'))).distinct())
        .containsExactly("dt=2024-05-01", "dt=2024-05-02", "dt=2024-05-03");

    FakeTaskContext context = new FakeTaskContext("read", dir);
    List<Row> rows = read(lake, context);
    assertThat(rows).hasSize(30);
    assertThat(context.quarantined()).isEmpty();
    Row first = rows.stream().filter(r -> r.get(0).equals(5L)).findFirst().orElseThrow();
    Object[] expected = Lake.order(5);
    for (int i = 0; i < expected.length; i++) {
      assertThat(first.get(i)).as("column %s", Lake.ORDERS.column(i).name()).isEqualTo(expected[i]);
    }
    assertThat(first.get(7)).as("the partition as a DATE column").isEqualTo(LocalDate.of(2024, 5, 2));
    assertThat(first.subjectId()).isEqualTo("p5@example.org");
    assertThat(rows.stream().map(r -> r.get(0)).distinct()).hasSize(30);
  }

  @Test
  void aBatchDeliveredAgainOverwritesItsOwnFilesInsteadOfAddingRows() throws Exception {
    Path lake = dir.resolve("again");
    ParquetSinkConnector c = new ParquetSinkConnector();
    SinkTask sink = c.createTask(c.configDef().validate(Map.of("path", lake.toString())));
    sink.start(new FakeTaskContext("run-1", dir));
    Batch batch = Lake.batch(0, 5, "5");
    sink.write(batch);
    sink.write(batch);
    sink.write(Lake.batch(5, 8, "8"));
    sink.stop();
    List<String> files = files(lake);
    String today = "dt=" + LocalDate.now(ZoneOffset.UTC);
    assertThat(files).hasSize(2).allMatch(f -> f.startsWith(today + "/"));
    assertThat(read(lake, new FakeTaskContext("read", dir))).hasSize(8);
  }

  @Test
  void aFileThatIsNotParquetIsQuarantinedAndTheOthersAreRead() throws Exception {
    Path lake = dir.resolve("mixed");
    Lake.write(lake, 12, 6, dir);
    Path bad = Files.writeString(lake.resolve("dt=2024-05-01/part-broken.parquet"), "this is not parquet");
    FakeTaskContext context = new FakeTaskContext("read", dir);
    assertThat(read(lake, context)).hasSize(12);
    assertThat(context.quarantined()).singleElement().satisfies(q -> {
      assertThat(q.rawRecord()).isEqualTo(bad.toString());
      assertThat(q.reason()).startsWith("not a readable Parquet file");
    });
  }

  @Test
  void anEmptyOrMissingFolderIsExhaustedAtOnce() throws Exception {
    assertThat(read(dir.resolve("nothing-here"), new FakeTaskContext("read", dir))).isEmpty();
  }

  @Test
  void badSinkSettingsSayWhatIsWrong() throws Exception {
    ParquetSinkConnector c = new ParquetSinkConnector();
    Map<String, String> config = new HashMap<>(Map.of("path", dir.resolve("bad").toString(), "partitionBy", "email"));
    SinkTask notADate = c.createTask(c.configDef().validate(config));
    notADate.start(new FakeTaskContext("bad", dir));
    assertThatThrownBy(() -> notADate.write(Lake.batch(0, 1, "1")))
        .hasMessageContaining("column 'email' is STRING, not DATE or TIMESTAMP");
    notADate.stop();

    config.put("partitionBy", "nope");
    SinkTask missing = c.createTask(c.configDef().validate(config));
    missing.start(new FakeTaskContext("bad", dir));
    assertThatThrownBy(() -> missing.write(Lake.batch(0, 1, "1"))).hasMessageContaining("no column 'nope'");
    missing.stop();

    config.remove("partitionBy");
    config.put("partitionColumn", "id");
    SinkTask clash = c.createTask(c.configDef().validate(config));
    clash.start(new FakeTaskContext("bad", dir));
    assertThatThrownBy(() -> clash.write(Lake.batch(0, 1, "1"))).hasMessageContaining("the partition key");
    clash.stop();

    config.put("partitionColumn", "not a name");
    assertThatThrownBy(() -> c.createTask(c.configDef().validate(config))).hasMessageContaining("plain name");
    assertThat(Arrays.stream(Lake.ORDERS.columns().toArray(Column[]::new)).map(Column::type))
        .contains(ColumnType.TIMESTAMP);
  }
}
