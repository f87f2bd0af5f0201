package io.cairn.connector.jdbc;

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
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC sink on PostgreSQL, MariaDB and H2, each in a database of its own; every test its own table. */
class JdbcSinkTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.654321Z");
  private static final Schema PEOPLE = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("email", ColumnType.STRING), Column.of("score", ColumnType.DECIMAL), Column.of("born", ColumnType.DATE),
      Column.of("seen", ColumnType.TIMESTAMP), Column.of("active", ColumnType.BOOLEAN));
  private static List<Backend> backends;
  private final FakeTaskContext context = new FakeTaskContext("run-1", null);

  @BeforeAll
  static void createDatabases(@TempDir Path dir) throws Exception {
    backends = Backend.createAll(dir);
  }

  @AfterAll
  static void dropDatabases() {
    Backend.dropAll(backends);
  }

  static Stream<Backend> backends() {
    return backends.stream();
  }

  private static void createPeople(Backend b, String table) throws SQLException {
    try (Connection c = b.connect()) {
      DatabaseServers.execute(c, "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, "
          + "score DECIMAL(10,2), born DATE, seen " + b.timestampType() + ", active BOOLEAN)");
    }
  }

  private SinkTask sink(Map<String, String> config) throws Exception {
    JdbcSinkConnector connector = new JdbcSinkConnector();
    SinkTask task = connector.createTask(connector.configDef().validate(config));
    task.start(context);
    return task;
  }

  private List<Row> read(Backend b, String table) throws Exception {
    JdbcSourceConnector connector = new JdbcSourceConnector();
    SourceTask task = connector.createTask(connector.configDef().validate(b.config("table", table)));
    task.start(context, null);
    return rows(drain(task, 1000)).stream().sorted(Comparator.comparing(r -> (Long) r.get(0))).toList();
  }

  private static Batch batch(Schema schema, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] values : rows) {
      list.add(new Row(values, "p" + values[0], new Provenance(new DatasetRef("test", "in"), "r" + values[0])));
    }
    return Batch.of(schema, list, "x");
  }

  private static Object[] person(long id, String email) {
    return new Object[] {id, email, new BigDecimal(id + ".25"), LocalDate.of(2000, 2, 29), T0.plusSeconds(id),
        id % 2 == 0};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void insertedRowsAreCommittedWithTheirTypes(Backend b) throws Exception {
    createPeople(b, "inserted");
    SinkTask sink = sink(b.config("table", "inserted", "batchSize", "2"));
    assertThat(sink.dataset()).isEqualTo(b.dataset("inserted"));
    assertThat(sink.write(batch(PEOPLE, person(1, "a@x.io"), person(2, "b@x.io"), person(3, "c")))).isEqualTo(3);
    assertThat(sink.write(batch(PEOPLE, new Object[] {4L, "d", null, null, null, null}))).isEqualTo(1);
    sink.stop();

    List<Row> rows = read(b, "inserted");
    assertThat(rows).extracting(Row::values).containsExactly(person(1, "a@x.io"), person(2, "b@x.io"),
        person(3, "c"), new Object[] {4L, "d", null, null, null, null});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void untypedTextFromAFileWithoutDeclaredColumnsFillsTypedColumns(Backend b) throws Exception {
    createPeople(b, "texts");
    Schema strings = Schema.of(PEOPLE.columns().stream().map(c -> Column.of(c.name(), ColumnType.STRING)).toList());
    SinkTask sink = sink(b.config("table", "texts"));
    assertThat(sink.write(batch(strings, new Object[] {"7", "s@x.io", "7.25", "2000-02-29", null, "1"}))).isEqualTo(1);
    sink.stop();

    assertThat(read(b, "texts")).extracting(Row::values).containsExactly(
        new Object[] {7L, "s@x.io", new BigDecimal("7.25"), LocalDate.of(2000, 2, 29), null, true});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void upsertingTheSameKeysTwiceUpdatesInsteadOfDuplicating(Backend b) throws Exception {
    createPeople(b, "upserted");
    SinkTask sink = sink(b.config("table", "upserted", "mode", "upsert", "keyColumns", "id"));
    sink.write(batch(PEOPLE, person(1, "a@x.io"), person(2, "b@x.io")));
    sink.write(batch(PEOPLE, person(2, "b2@x.io"), person(3, "c@x.io"), person(3, "c3@x.io")));
    sink.write(batch(PEOPLE, person(1, "a@x.io"), person(2, "b2@x.io")));
    sink.stop();

    assertThat(read(b, "upserted")).extracting(r -> r.get(1)).containsExactly("a@x.io", "b2@x.io", "c3@x.io");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void createTableMakesTheTableWithItsPrimaryKeyFromTheBatchSchema(Backend b) throws Exception {
    Schema schema = Schema.of(Column.of("id", ColumnType.LONG), Column.of("code", ColumnType.STRING),
        Column.of("ratio", ColumnType.DOUBLE), Column.of("amount", ColumnType.DECIMAL),
        Column.of("day", ColumnType.DATE), Column.of("at", ColumnType.TIMESTAMP), Column.of("ok", ColumnType.BOOLEAN),
        Column.of("doc", ColumnType.JSON));
    Object[] row = {1L, "k1", 0.25, new BigDecimal("12.5"), LocalDate.of(2024, 1, 1), T0, true, "{\"a\": [1, 2]}"};
    SinkTask sink = sink(b.config("table", "created", "createTable", "true", "mode", "upsert",
        "keyColumns", "id,code"));
    assertThat(sink.write(batch(schema, row))).isEqualTo(1);
    assertThat(sink.write(batch(schema, row))).isEqualTo(1);
    sink.stop();

    try (Connection c = b.connect();
        ResultSet keys = c.getMetaData().getPrimaryKeys(b.dialect() == Dialect.MARIADB ? b.db().name() : null, null,
            "created")) {
      List<String> names = new ArrayList<>();
      while (keys.next()) {
        names.add(keys.getString("COLUMN_NAME"));
      }
      assertThat(names).containsExactlyInAnyOrder("id", "code");
    }
    List<Row> rows = read(b, "created");
    assertThat(rows).hasSize(1);
    Object[] back = rows.getFirst().values();
    assertThat(Arrays.copyOfRange(back, 0, 3)).containsExactly(1L, "k1", 0.25);
    assertThat((BigDecimal) back[3]).isEqualByComparingTo("12.5");
    assertThat(Arrays.copyOfRange(back, 4, 7)).containsExactly(LocalDate.of(2024, 1, 1), T0, true);
    assertThat(back[7].toString().replace(" ", "")).isEqualTo("{\"a\":[1,2]}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void rowsTheDatabaseRejectsAreQuarantinedWithItsMessageAndTheRestCommit(Backend b) throws Exception {
    createPeople(b, "strict");
    SinkTask sink = sink(b.config("table", "strict"));
    long written = sink.write(batch(PEOPLE, person(10, "ok@x.io"), person(11, null), person(12, "ok@x.io"),
        person(10, "again@x.io"), person(13, "ok@x.io")));
    sink.stop();

    assertThat(written).isEqualTo(3);
    assertThat(read(b, "strict")).extracting(r -> r.get(0)).containsExactly(10L, 12L, 13L);
    assertThat(context.quarantined()).extracting(q -> q.where().offset()).containsExactly("r11", "r10");
    assertThat(context.quarantined()).as("each keeps its row's subject").extracting(q -> q.subjectId())
        .containsExactly("p11", "p10");
    assertThat(context.reasons()).allMatch(r -> r.startsWith("rejected by " + b.dialect().product() + ": "));
    assertThat(context.reasons().get(0)).containsIgnoringCase("email");
    assertThat(context.reasons().get(1)).containsPattern("(?i)duplicate|unique|primary key");
    assertThat(context.quarantined().get(1).rawRecord()).startsWith("{id=10, email=again@x.io, ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void errorsThatAreNotAboutARowFailTheWriteInsteadOfQuarantining(Backend b) throws Exception {
    assertThatThrownBy(() -> sink(b.config("table", "absent"))).hasMessageContaining("createTable=true");
    createPeople(b, "dropped");
    SinkTask sink = sink(b.config("table", "dropped"));
    sink.write(batch(PEOPLE, person(1, "a")));
    try (Connection c = b.connect()) {
      DatabaseServers.execute(c, "DROP TABLE dropped");
    }
    assertThatThrownBy(() -> sink.write(batch(PEOPLE, person(2, "b")))).isInstanceOf(SQLException.class);
    assertThat(context.quarantined()).isEmpty();
    sink.stop();
  }
}
