package io.cairn.governance.erasure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The JDBC connections of one request, one per database and user, opened at first use and closed together:
 * a request finds, reads and changes a person's rows in several tables of the same database over one
 * connection instead of one per statement. Used by one thread.
 */
final class JdbcSessions implements AutoCloseable {
  private final Map<String, Connection> open = new HashMap<>();

  Connection connection(JdbcTable table) throws SQLException {
    Connection c = open.get(table.connectionKey());
    if (c == null || c.isClosed()) {
      c = table.open();
      open.put(table.connectionKey(), c);
    }
    return c;
  }

  @Override
  public void close() {
    for (Connection c : open.values()) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing after the work is done: nothing left to lose
      }
    }
    open.clear();
  }
}
