package io.cairn.bench.flow;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The bare-Camel baseline's sink: writes each exchange's {@code List<Object[]>} as one JDBC batch (one
 * {@code addBatch} per row, one {@code executeBatch}) and commits it, over one connection with
 * {@code reWriteBatchedInserts=true} opened at the first batch; the statement and the value binding are those of
 * Cairn's JDBC sink (quoted columns; setLong, setString, setBigDecimal, and a UTC {@link OffsetDateTime} into the
 * timestamp-with-time-zone column). Called from one thread at a time.
 */
final class JdbcBatchWriter implements Processor, AutoCloseable {
  private static final int[] NULL_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
      Types.VARCHAR, Types.NUMERIC, Types.TIMESTAMP};

  private final BenchDatabase database;
  private Connection connection;
  private PreparedStatement insert;

  JdbcBatchWriter(BenchDatabase database) {
    this.database = database;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = exchange.getIn().getBody(List.class);
    if (insert == null) {
      open();
    }
    try {
      for (Object[] row : rows) {
        bind(row);
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      insert.clearBatch();
      connection.rollback();
      throw e;
    }
  }

  private void open() throws SQLException {
    connection = database.connect(true);
    connection.setAutoCommit(false);
    String columns = CustomerCsv.COLUMNS.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
    String params = CustomerCsv.COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "));
    insert = connection.prepareStatement(
        "INSERT INTO \"public\".\"" + CustomerCsv.TABLE + "\" (" + columns + ") VALUES (" + params + ")");
  }

  private void bind(Object[] row) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      int p = i + 1;
      if (v == null) {
        insert.setNull(p, NULL_TYPES[i]);
      } else if (v instanceof Long l) {
        insert.setLong(p, l);
      } else if (v instanceof BigDecimal d) {
        insert.setBigDecimal(p, d);
      } else if (v instanceof Instant t) {
        insert.setObject(p, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
      } else {
        insert.setString(p, v.toString());
      }
    }
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      try {
        insert.close();
      } finally {
        connection.close();
        connection = null;
        insert = null;
      }
    }
  }
}
