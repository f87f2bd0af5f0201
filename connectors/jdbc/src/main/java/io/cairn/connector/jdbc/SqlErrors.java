package io.cairn.connector.jdbc;

import java.sql.SQLException;
import java.util.Set;

/** Tells errors caused by a row's values from errors of the connection, the statement or the database. */
final class SqlErrors {
  /**
   * SQLSTATE classes that are not about one row: connection (08), transaction rollback such as deadlock (40),
   * syntax or access, e.g. a missing table or column (42), resources (53, 54), object state (55), operator
   * intervention (57), system (58), authorization (28), unsupported (0A), invalid transaction state (25),
   * unknown catalog or schema (3D, 3F), internal (XX).
   */
  private static final Set<String> NOT_ROW_CLASSES =
      Set.of("08", "40", "42", "53", "54", "55", "57", "58", "28", "0A", "25", "3D", "3F", "XX");

  private SqlErrors() {}

  /** Whether the error is about the values of the row (or rows) sent, so other rows may still succeed. */
  static boolean isRowError(SQLException e) {
    String state = state(e);
    return state != null && state.length() >= 2 && !NOT_ROW_CLASSES.contains(state.substring(0, 2));
  }

  /** A one-line message: the first error's message and, for batches, the first nested cause. */
  static String message(SQLException e) {
    SQLException next = e.getNextException();
    String text = next != null && next.getMessage() != null ? next.getMessage() : e.getMessage();
    return text == null ? e.getClass().getSimpleName() : text.replaceAll("\\s*\\n\\s*", " ").strip();
  }

  private static String state(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (x.getSQLState() != null) {
        return x.getSQLState();
      }
    }
    return null;
  }
}
