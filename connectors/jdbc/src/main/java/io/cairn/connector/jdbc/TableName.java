package io.cairn.connector.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A table's name: catalog (the database; on MariaDB the only qualifier), schema (PostgreSQL, H2) and table.
 *
 * @param catalog the database, or null for the connection's
 * @param schema the schema, or null for the connection's (always null on MariaDB)
 * @param table the table
 */
record TableName(String catalog, String schema, String table) {
  /** Parses {@code table}, {@code schema.table} or {@code catalog.schema.table} ({@code db.table} on MariaDB). */
  static TableName parse(String raw, Dialect dialect) {
    String[] parts = raw.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = unquote(parts[i].strip());
      if (parts[i].isEmpty()) {
        throw JdbcConfig.problem("table name '" + raw + "' has an empty part");
      }
    }
    if (dialect == Dialect.MARIADB && parts.length <= 2) {
      return parts.length == 1 ? new TableName(null, null, parts[0]) : new TableName(parts[0], null, parts[1]);
    }
    return switch (dialect == Dialect.MARIADB ? 0 : parts.length) {
      case 1 -> new TableName(null, null, parts[0]);
      case 2 -> new TableName(null, parts[0], parts[1]);
      case 3 -> new TableName(parts[0], parts[1], parts[2]);
      default -> throw JdbcConfig.problem("table name '" + raw + "' has too many parts");
    };
  }

  /** This name with the connection's database and schema filled in where none was given. */
  TableName withDefaults(Connection c, Dialect dialect) throws SQLException {
    String cat = catalog != null ? catalog : c.getCatalog();
    String sch = dialect == Dialect.MARIADB ? null : schema != null ? schema : c.getSchema();
    return new TableName(cat, sch, table);
  }

  /**
   * The existing table this name means, with the names as the database spells them: an exact match, else
   * the only one that differs in case (unquoted names fold to upper case on H2, to lower on PostgreSQL).
   */
  Optional<TableName> find(Connection c, Dialect dialect) throws SQLException {
    TableName full = withDefaults(c, dialect);
    DatabaseMetaData md = c.getMetaData();
    String catalogArg = dialect == Dialect.MARIADB ? full.catalog : null;
    Set<String> spellings = new LinkedHashSet<>(List.of(table, table.toUpperCase(Locale.ROOT),
        table.toLowerCase(Locale.ROOT)));
    List<TableName> found = new ArrayList<>();
    for (String spelling : spellings) {
      try (ResultSet rs = md.getTables(catalogArg, null, escape(spelling, md), null)) {
        while (rs.next()) {
          String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
          if (type.contains("INDEX") || type.contains("SEQUENCE") || type.contains("TYPE")) {
            continue;
          }
          TableName t = new TableName(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
              rs.getString("TABLE_NAME"));
          if (t.table.equalsIgnoreCase(table) && (full.schema == null || full.schema.equalsIgnoreCase(t.schema))
              && !found.contains(t)) {
            found.add(t);
          }
        }
      }
    }
    Optional<TableName> exact = found.stream()
        .filter(t -> t.table.equals(table) && (full.schema == null || full.schema.equals(t.schema)))
        .findFirst();
    if (exact.isPresent() || found.size() <= 1) {
      return exact.or(() -> found.stream().findFirst()).map(t -> fill(t, full));
    }
    throw new SQLException("table name '" + this + "' is ambiguous: " + found, "42P09");
  }

  /** The name as SQL, each part quoted. */
  String sql(Dialect dialect) {
    if (dialect == Dialect.MARIADB) {
      return (catalog == null ? "" : dialect.quote(catalog) + ".") + dialect.quote(table);
    }
    return (schema == null ? "" : dialect.quote(schema) + ".") + dialect.quote(table);
  }

  /** The OpenLineage dataset name: database.schema.table, or database.table on MariaDB. */
  String datasetName() {
    StringBuilder sb = new StringBuilder();
    for (String part : new String[] {catalog, schema, table}) {
      if (part != null && !part.isEmpty()) {
        sb.append(sb.isEmpty() ? "" : ".").append(part);
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return datasetName();
  }

  static String escape(String name, DatabaseMetaData md) throws SQLException {
    String esc = md.getSearchStringEscape();
    return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  private static TableName fill(TableName found, TableName defaults) {
    return new TableName(found.catalog != null ? found.catalog : defaults.catalog,
        found.schema, found.table);
  }

  private static String unquote(String part) {
    if (part.length() >= 2 && (part.charAt(0) == '"' || part.charAt(0) == '`')
        && part.charAt(part.length() - 1) == part.charAt(0)) {
      return part.substring(1, part.length() - 1);
    }
    return part;
  }
}
