package io.cairn.connector.jdbc;

import io.cairn.spi.TaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a table or query. One connection per task, autocommit off (PostgreSQL only streams with a cursor
 * inside a transaction), forward-only with the configured fetch size. The task reads one row ahead, so it
 * knows when the result ends and whether the last watermark value of a batch continues in the next one.
 *
 * <p>{@link #poll} is called from one thread; {@link #stop} may come from another: it cancels the running
 * statement, then closes everything once the poll has returned.
 */
final class JdbcSourceTask implements SourceTask {
  private final SourceSettings settings;
  private final Dialect dialect;
  private Connection connection;
  private volatile PreparedStatement statement;
  private ResultSet results;
  private DatasetRef dataset;
  private List<ColumnReader> readers;
  private Schema schema;
  private int subjectIndex = -1;
  private WatermarkTracker watermarks;
  private Object[] ahead;
  private long rowNumber;
  private boolean exhausted;
  private volatile boolean stopped;
  private volatile boolean polling;

  JdbcSourceTask(SourceSettings settings) {
    this.settings = settings;
    this.dialect = Dialect.of(settings.url());
  }

  @Override
  public synchronized void start(TaskContext context, String resumeOffset) throws Exception {
    connection = Connections.open(settings.url(), settings.user(), settings.password());
    try {
      open(resumeOffset);
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  private void open(String resumeOffset) throws SQLException {
    connection.setAutoCommit(false);
    String from;
    String watermarkSql = null;
    if (settings.table() != null) {
      TableName table = TableName.parse(settings.table(), dialect).find(connection, dialect)
          .orElseThrow(() -> new SQLException("table '" + settings.table() + "' does not exist", "42P01"));
      dataset = DatasetNames.table(dialect, settings.url(), table);
      from = table.sql(dialect);
      if (settings.incremental()) {
        watermarkSql = dialect.quote(TableColumns.load(connection, dialect, table)
            .require(settings.watermarkColumn()).name());
      }
    } else {
      dataset = DatasetNames.query(dialect, settings.url(), connection, settings.query());
      from = "(" + settings.query() + ") cairn_q";
      if (settings.incremental()) {
        String w = settings.watermarkColumn();
        watermarkSql = "cairn_q." + (w.matches("[A-Za-z_][A-Za-z0-9_]*") ? w : dialect.quote(w));
      }
    }
    Watermark resume = settings.incremental() && resumeOffset != null ? Watermark.decode(resumeOffset) : null;
    String sql = settings.incremental() || settings.query() == null ? "SELECT * FROM " + from : settings.query();
    if (settings.incremental()) {
      sql += " WHERE " + watermarkSql + (resume == null ? " IS NOT NULL" : " > ?") + " ORDER BY " + watermarkSql;
    }
    statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    statement.setFetchSize(settings.fetchSize());
    if (resume != null) {
      resume.bind(statement, 1);
    }
    results = statement.executeQuery();
    describe(resume);
    ahead = fetch();
  }

  private void describe(Watermark resume) throws SQLException {
    var md = results.getMetaData();
    readers = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      readers.add(ColumnReader.of(md, i));
    }
    schema = Schema.of(readers.stream().map(ColumnReader::column).toList());
    if (settings.subjectColumn() != null) {
      subjectIndex = requireColumn(settings.subjectColumn());
    }
    if (settings.incremental()) {
      int index = requireColumn(settings.watermarkColumn());
      watermarks = new WatermarkTracker(index, Watermark.kindOf(readers.get(index)), resume);
    }
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public synchronized Batch poll(int maxRows) throws Exception {
    if (stopped || exhausted) {
      return null;
    }
    List<Row> rows = new ArrayList<>(Math.min(maxRows, 4096));
    while (rows.size() < maxRows && ahead != null && !stopped) {
      Object[] values = ahead;
      polling = true;
      try {
        ahead = fetch();
      } finally {
        polling = false;
      }
      rowNumber++;
      String offset = watermarks == null ? Long.toString(rowNumber) : watermarks.see(values);
      Object subject = subjectIndex < 0 ? null : values[subjectIndex];
      rows.add(new Row(values, subject == null ? null : subject.toString(), new Provenance(dataset, offset)));
    }
    if (ahead == null) {
      exhausted = true;
      close();
    }
    if (rows.isEmpty()) {
      return null;
    }
    String offset = watermarks == null ? null : watermarks.safeOffset(ahead);
    return Batch.of(schema, rows, offset);
  }

  @Override
  public boolean exhausted() {
    return exhausted;
  }

  @Override
  public void stop() throws Exception {
    stopped = true;
    PreparedStatement running = statement;
    if (running != null && polling) {
      try {
        running.cancel();
      } catch (SQLException e) {
        // already finished or closed: nothing to cancel
      }
    }
    synchronized (this) {
      close();
    }
  }

  private Object[] fetch() throws SQLException {
    if (!results.next()) {
      return null;
    }
    Object[] values = new Object[readers.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = readers.get(i).read(results, i + 1);
    }
    return values;
  }

  private int requireColumn(String name) {
    for (int i = 0; i < schema.size(); i++) {
      if (schema.column(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column '" + name + "' in " + schema.names());
  }

  private void close() throws SQLException {
    Connection c = connection;
    PreparedStatement s = statement;
    ResultSet r = results;
    connection = null;
    statement = null;
    results = null;
    if (c != null) {
      try {
        if (r != null) {
          r.close();
        }
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
