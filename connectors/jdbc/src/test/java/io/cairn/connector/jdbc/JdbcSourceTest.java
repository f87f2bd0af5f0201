package io.cairn.connector.jdbc;

import static io.cairn.connector.testkit.SourceTasks.drain;
import static io.cairn.connector.testkit.SourceTasks.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Row;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC source on PostgreSQL, MariaDB and H2, each in a database of its own. */
class JdbcSourceTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");
  private static List<Backend> backends;
  private final FakeTaskContext context = new FakeTaskContext("run-1", null);

  @BeforeAll
  static void createDatabases(@TempDir Path dir) throws Exception {
    backends = Backend.createAll(dir);
    for (Backend b : backends) {
      try (Connection c = b.connect()) {
        DatabaseServers.execute(c,
            "CREATE TABLE people (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, score DECIMAL(10,2), "
                + "born DATE, seen " + b.timestampType() + ", active BOOLEAN)",
            "CREATE TABLE events (id BIGINT PRIMARY KEY, version BIGINT NOT NULL, at " + b.timestampType() + ")");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO people VALUES (?, ?, ?, ?, ?, ?)")) {
          for (int i = 1; i <= 5; i++) {
            ps.setLong(1, i);
            ps.setString(2, "p" + i + "@x.io");
            ps.setBigDecimal(3, i == 3 ? null : new BigDecimal(i + ".50"));
            ps.setObject(4, LocalDate.of(1990, 1, i));
            ps.setObject(5, b.timestamp(T0.plusSeconds(i)));
            ps.setBoolean(6, i % 2 == 1);
            ps.executeUpdate();
          }
        }
        long[] versions = {1, 2, 2, 2, 3, 3, 4};
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events VALUES (?, ?, ?)")) {
          for (int i = 0; i < versions.length; i++) {
            ps.setLong(1, i + 1);
            ps.setLong(2, versions[i]);
            ps.setObject(3, b.timestamp(T0.plusSeconds(3600 * versions[i])));
            ps.executeUpdate();
          }
        }
      }
    }
  }

  @AfterAll
  static void dropDatabases() {
    Backend.dropAll(backends);
  }

  static Stream<Backend> backends() {
    return backends.stream();
  }

  private SourceTask source(Map<String, String> config, String resume) throws Exception {
    JdbcSourceConnector connector = new JdbcSourceConnector();
    SourceTask task = connector.createTask(connector.configDef().validate(config));
    task.start(context, resume);
    return task;
  }

  private static List<Long> versions(List<Row> rows) {
    return rows.stream().map(r -> (Long) r.get(1)).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void aFullReadMapsTheTypesAndNamesTheDataset(Backend b) throws Exception {
    SourceTask task = source(b.config("table", "people", "subjectColumn", "email", "fetchSize", "2"), null);
    List<Batch> batches = drain(task, 2);

    assertThat(task.dataset()).isEqualTo(b.dataset("people"));
    assertThat(batches).extracting(Batch::size).containsExactly(2, 2, 1);
    assertThat(batches).extracting(Batch::sourceOffset).containsOnlyNulls();
    assertThat(batches.getFirst().schema().columns()).extracting(Column::type).containsExactly(ColumnType.LONG,
        ColumnType.STRING, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.BOOLEAN);
    List<Row> rows = rows(batches).stream().sorted(Comparator.comparing(r -> (Long) r.get(0))).toList();
    assertThat(rows.get(0).values()).containsExactly(1L, "p1@x.io", new BigDecimal("1.50"), LocalDate.of(1990, 1, 1),
        T0.plusSeconds(1), true);
    assertThat(rows.get(2).values()).containsExactly(3L, "p3@x.io", null, LocalDate.of(1990, 1, 3),
        T0.plusSeconds(3), true);
    assertThat(rows).extracting(Row::subjectId).containsExactly("p1@x.io", "p2@x.io", "p3@x.io", "p4@x.io",
        "p5@x.io");
    assertThat(task.exhausted()).isTrue();
    task.stop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void aQueryIsReadAndNamedAfterItsTable(Backend b) throws Exception {
    SourceTask task = source(b.config("query", "SELECT p.id, p.email FROM people p WHERE p.active = TRUE;"), null);
    List<Row> rows = rows(drain(task, 100));

    assertThat(task.dataset()).isEqualTo(b.dataset("people"));
    assertThat(rows).extracting(r -> r.get(0)).containsExactlyInAnyOrder(1L, 3L, 5L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void anIncrementalOffsetNeverPassesAValueThatMayContinueInTheNextBatch(Backend b) throws Exception {
    Map<String, String> config = b.config("table", "events", "mode", "incremental", "watermarkColumn", "version");
    List<Batch> ones = drain(source(config, null), 1);

    assertThat(versions(rows(ones))).containsExactly(1L, 2L, 2L, 2L, 3L, 3L, 4L);
    assertThat(ones).extracting(Batch::sourceOffset)
        .containsExactly("LONG:1", "LONG:1", "LONG:1", "LONG:2", "LONG:2", "LONG:3", "LONG:4");
    assertThat(rows(ones)).extracting(r -> r.provenance().offset()).element(2).isEqualTo("LONG:2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void resumingFromABatchThatEndedInATieReadsTheWholeTieAgain(Backend b) throws Exception {
    Map<String, String> config = b.config("table", "events", "mode", "incremental", "watermarkColumn", "version");
    SourceTask first = source(config, null);
    Batch b1 = first.poll(2);
    first.stop();
    assertThat(versions(b1.rows())).containsExactly(1L, 2L);
    assertThat(b1.sourceOffset()).isEqualTo("LONG:1");

    List<Batch> rest = drain(source(config, b1.sourceOffset()), 2);
    assertThat(versions(rows(rest))).containsExactly(2L, 2L, 2L, 3L, 3L, 4L);
    assertThat(rest).extracting(Batch::sourceOffset).containsExactly("LONG:1", "LONG:2", "LONG:4");
    assertThat(rows(drain(source(config, "LONG:4"), 2))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void timestampWatermarksResumeByInstantAndQueriesReadIncrementallyToo(Backend b) throws Exception {
    Map<String, String> byTime = b.config("table", "events", "mode", "incremental", "watermarkColumn", "at");
    List<Batch> all = drain(source(byTime, null), 4);
    String afterTwos = all.getFirst().sourceOffset();
    assertThat(afterTwos).isEqualTo(b.timestampKind() + ":" + T0.plusSeconds(2 * 3600));
    assertThat(versions(rows(drain(source(byTime, afterTwos), 10)))).containsExactly(3L, 3L, 4L);

    Map<String, String> byQuery = b.config("query", "SELECT id, version FROM events", "mode", "incremental",
        "watermarkColumn", "version");
    assertThat(rows(drain(source(byQuery, "LONG:3"), 10))).extracting(r -> r.get(0)).containsExactly(7L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void aMissingTableOrWatermarkColumnFailsTheStart(Backend b) {
    assertThatThrownBy(() -> source(b.config("table", "nope"), null)).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> source(b.config("table", "events", "mode", "incremental", "watermarkColumn",
        "missing"), null)).hasMessageContaining("no column 'missing'");
  }
}
