package io.cairn.connector.jdbc;

import io.cairn.spi.TaskContext;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts or upserts batches into one table over one connection. Each {@link #write} is one transaction,
 * committed before it returns. The happy path sends JDBC batches of {@code batchSize} rows; when the database
 * rejects a batch because of some row's values, the write is redone row by row (each under a savepoint) and
 * the rejected rows go to the quarantine with the database's message while the others commit. Errors that
 * are not about a row (connection, missing table, deadlock) fail the write. Called from one thread at a time.
 */
final class JdbcSinkTask implements SinkTask {
  private final SinkSettings settings;
  private final Dialect dialect;
  private TaskContext context;
  private Connection connection;
  private TableName table;
  private boolean exists;
  private DatasetRef dataset;
  private Schema preparedFor;
  private PreparedStatement statement;
  private Binder[] binders;
  private int[] keyIndexes;

  JdbcSinkTask(SinkSettings settings) {
    this.settings = settings;
    this.dialect = Dialect.of(settings.url());
  }

  @Override
  public void start(TaskContext taskContext) throws Exception {
    this.context = taskContext;
    connection = Connections.open(settings.url(), settings.user(), settings.password());
    try {
      connection.setAutoCommit(false);
      TableName named = TableName.parse(settings.table(), dialect);
      var found = named.find(connection, dialect);
      if (found.isEmpty() && !settings.createTable()) {
        throw new SQLException("table '" + settings.table() + "' does not exist (set createTable=true to create it)",
            "42P01");
      }
      exists = found.isPresent();
      table = found.orElse(named.withDefaults(connection, dialect));
      dataset = DatasetNames.table(dialect, settings.url(), table);
    } catch (Exception e) {
      stop();
      throw e;
    }
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public long write(Batch batch) throws Exception {
    if (batch.isEmpty()) {
      return 0;
    }
    prepare(batch.schema());
    List<Row> rows = settings.upsert() ? lastPerKey(batch.rows()) : batch.rows();
    try {
      for (int from = 0; from < rows.size(); from += settings.batchSize()) {
        for (Row row : rows.subList(from, Math.min(rows.size(), from + settings.batchSize()))) {
          bind(row);
          statement.addBatch();
        }
        statement.executeBatch();
      }
      connection.commit();
      return rows.size();
    } catch (SQLException e) {
      rollback(e);
      if (!SqlErrors.isRowError(e)) {
        throw e;
      }
      return writeOneByOne(rows);
    } catch (RuntimeException e) {
      rollback(e);
      throw e;
    }
  }

  /** Undoes the open transaction after a failure; a failure to undo is added to the first one. */
  private <E extends Exception> void rollback(E failure) throws E {
    try {
      statement.clearBatch();
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
      throw failure;
    }
  }

  private long writeOneByOne(List<Row> rows) throws SQLException {
    List<Row> rejected = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    try {
      for (Row row : rows) {
        Savepoint savepoint = connection.setSavepoint();
        try {
          bind(row);
          statement.executeUpdate();
          connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
          connection.rollback(savepoint);
          if (!SqlErrors.isRowError(e)) {
            throw e;
          }
          rejected.add(row);
          reasons.add("rejected by " + dialect.product() + ": " + SqlErrors.message(e));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      rollback(e);
      throw e;
    } catch (RuntimeException e) {
      rollback(e);
      throw e;
    }
    for (int i = 0; i < rejected.size(); i++) {
      context.quarantine(rejected.get(i), describe(rejected.get(i)), reasons.get(i));
    }
    return rows.size() - rejected.size();
  }

  private void prepare(Schema schema) throws SQLException {
    if (schema.equals(preparedFor)) {
      return;
    }
    if (!exists) {
      createTable(schema);
    }
    TableColumns target = TableColumns.load(connection, dialect, table);
    List<String> names = new ArrayList<>();
    binders = new Binder[schema.size()];
    for (int i = 0; i < schema.size(); i++) {
      TableColumns.TargetColumn column = target.require(schema.column(i).name());
      names.add(column.name());
      binders[i] = Binder.of(schema.column(i).type(), dialect, column);
    }
    List<String> keys = new ArrayList<>();
    keyIndexes = new int[settings.keyColumns().size()];
    for (int k = 0; k < keyIndexes.length; k++) {
      keys.add(target.require(settings.keyColumns().get(k)).name());
      keyIndexes[k] = names.indexOf(keys.get(k));
      if (keyIndexes[k] < 0 && settings.upsert()) {
        throw new IllegalArgumentException("key column '" + settings.keyColumns().get(k)
            + "' is not in the batch " + schema.names());
      }
    }
    String sql = settings.upsert()
        ? dialect.upsert(table.sql(dialect), names, keys)
        : dialect.insert(table.sql(dialect), names);
    if (statement != null) {
      statement.close();
    }
    statement = connection.prepareStatement(sql);
    preparedFor = schema;
  }

  private void createTable(Schema schema) throws SQLException {
    StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table.sql(dialect)).append(" (");
    for (int i = 0; i < schema.size(); i++) {
      var c = schema.column(i);
      boolean key = settings.keyColumns().contains(c.name());
      ddl.append(i == 0 ? "" : ", ").append(dialect.quote(c.name())).append(' ')
          .append(dialect.sqlType(c.type(), key)).append(key || !c.nullable() ? " NOT NULL" : "");
    }
    if (!settings.keyColumns().isEmpty()) {
      ddl.append(", PRIMARY KEY (")
          .append(String.join(", ", settings.keyColumns().stream().map(dialect::quote).toList())).append(')');
    }
    try (var s = connection.createStatement()) {
      s.execute(ddl.append(')').toString());
    }
    connection.commit();
    exists = true;
  }

  private void bind(Row row) throws SQLException {
    for (int i = 0; i < binders.length; i++) {
      binders[i].bind(statement, i + 1, row.get(i));
    }
  }

  /** Upserting the same key twice in one statement fails on PostgreSQL; the last row per key wins anyway. */
  private List<Row> lastPerKey(List<Row> rows) {
    Map<List<Object>, Row> last = new LinkedHashMap<>();
    for (Row row : rows) {
      List<Object> key = new ArrayList<>(keyIndexes.length);
      for (int k : keyIndexes) {
        key.add(row.get(k));
      }
      last.put(key, row);
    }
    return last.size() == rows.size() ? rows : List.copyOf(last.values());
  }

  private String describe(Row row) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < preparedFor.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(preparedFor.column(i).name()).append('=').append(row.get(i));
    }
    return sb.append('}').toString();
  }

  @Override
  public void stop() throws Exception {
    Connection c = connection;
    PreparedStatement s = statement;
    connection = null;
    statement = null;
    if (c != null) {
      try {
        if (s != null) {
          s.close();
        }
        c.rollback();
      } finally {
        c.close();
      }
    }
  }
}
