package io.cairn.connector.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The columns of an existing table, as the database spells and types them. */
final class TableColumns {
  /**
   * One column of the table.
   *
   * @param name the name as the database spells it
   * @param sqlType the {@link java.sql.Types} code
   * @param typeName the database's type name, lower case
   */
  record TargetColumn(String name, int sqlType, String typeName) {
    boolean isText() {
      return typeName.contains("char") || typeName.contains("text") || typeName.contains("clob");
    }

    boolean isZonedTimestamp() {
      return sqlType == java.sql.Types.TIMESTAMP_WITH_TIMEZONE || typeName.contains("tz")
          || typeName.contains("time zone");
    }
  }

  private final TableName table;
  private final List<TargetColumn> columns;

  private TableColumns(TableName table, List<TargetColumn> columns) {
    this.table = table;
    this.columns = List.copyOf(columns);
  }

  /** Reads the columns of a table found with {@link TableName#find}. */
  static TableColumns load(Connection c, Dialect dialect, TableName table) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<TargetColumn> columns = new ArrayList<>();
    String catalog = dialect == Dialect.MARIADB ? table.catalog() : null;
    String schema = table.schema() == null ? null : TableName.escape(table.schema(), md);
    try (ResultSet rs = md.getColumns(catalog, schema, TableName.escape(table.table(), md), null)) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equals(table.table())) {
          columns.add(new TargetColumn(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"),
              String.valueOf(rs.getString("TYPE_NAME")).toLowerCase(Locale.ROOT)));
        }
      }
    }
    if (columns.isEmpty()) {
      throw new SQLException("table " + table + " has no columns visible to this user", "42P01");
    }
    return new TableColumns(table, columns);
  }

  /**
   * The column with this name: the exact spelling, else the one that differs only in case.
   *
   * @throws SQLException (state 42703) naming the table's columns when there is none
   */
  TargetColumn require(String name) throws SQLException {
    TargetColumn folded = null;
    for (TargetColumn c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
      if (c.name().equalsIgnoreCase(name)) {
        folded = c;
      }
    }
    if (folded == null) {
      throw new SQLException("table " + table + " has no column '" + name + "' (columns: "
          + columns.stream().map(TargetColumn::name).toList() + ")", "42703");
    }
    return folded;
  }
}
