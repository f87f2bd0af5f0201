package io.cairn.connector.jdbc;

import io.cairn.spi.config.Config;
import io.cairn.spi.connector.DiscoveredDataset;
import io.cairn.spi.connector.DiscoveredDataset.ForeignKey;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lists the tables and views of a database with their columns, primary keys and foreign keys, from the
 * driver's {@link DatabaseMetaData}. Datasets are named exactly as the source names them in lineage.
 */
final class JdbcDiscovery {
  /** Schemas (PostgreSQL, H2) and databases (MariaDB) that belong to the database itself. */
  private static final Set<String> SYSTEM = Set.of("information_schema", "pg_catalog", "pg_toast", "mysql",
      "performance_schema", "sys");

  private final String url;
  private final String user;
  private final String password;
  private final List<String> schemas;
  private final Dialect dialect;

  JdbcDiscovery(Config config) {
    this.url = config.string(JdbcConfig.URL);
    this.user = config.string(JdbcConfig.USER);
    this.password = config.string(JdbcConfig.PASSWORD);
    List<String> listed = config.list(JdbcConfig.DISCOVER_SCHEMAS);
    this.schemas = listed == null ? List.of() : listed;
    this.dialect = Dialect.of(url);
  }

  List<DiscoveredDataset> discover() throws SQLException {
    try (Connection c = Connections.open(url, user, password)) {
      DatabaseMetaData md = c.getMetaData();
      String database = c.getCatalog();
      List<DiscoveredDataset> found = new ArrayList<>();
      for (Map.Entry<TableName, Listed> t : tables(md, database).entrySet()) {
        found.add(describe(md, t.getKey(), t.getValue().kind(), t.getValue().remarks()));
      }
      return found;
    } catch (SQLException e) {
      throw new SQLException("discovery of " + Connections.redact(url) + " failed: " + e.getMessage(),
          e.getSQLState(), e);
    }
  }

  /** What the table listing says of one table: {@code table} or {@code view}, and its comment or null. */
  private record Listed(String kind, String remarks) {}

  /** The visible tables and views, in name order, with their kind and remarks. */
  private Map<TableName, Listed> tables(DatabaseMetaData md, String database) throws SQLException {
    Map<TableName, Listed> tables = new TreeMap<>((a, b) -> a.datasetName().compareTo(b.datasetName()));
    String catalogArg = dialect == Dialect.MARIADB && schemas.isEmpty() ? database : null;
    try (ResultSet rs = md.getTables(catalogArg, null, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
      while (rs.next()) {
        String cat = rs.getString("TABLE_CAT");
        String schema = dialect == Dialect.MARIADB ? null : rs.getString("TABLE_SCHEM");
        String container = dialect == Dialect.MARIADB ? cat : schema;
        if (!wanted(container)) {
          continue;
        }
        String kind = rs.getString("TABLE_TYPE").toLowerCase(Locale.ROOT).contains("view") ? "view" : "table";
        TableName name = new TableName(cat != null ? cat : database, schema, rs.getString("TABLE_NAME"));
        tables.put(name, new Listed(kind, rs.getString("REMARKS")));
      }
    }
    return tables;
  }

  private boolean wanted(String container) {
    if (container == null) {
      return schemas.isEmpty();
    }
    if (!schemas.isEmpty()) {
      return schemas.stream().anyMatch(s -> s.equalsIgnoreCase(container));
    }
    return !SYSTEM.contains(container.toLowerCase(Locale.ROOT));
  }

  private DiscoveredDataset describe(DatabaseMetaData md, TableName t, String kind, String remarks)
      throws SQLException {
    String catalogArg = dialect == Dialect.MARIADB ? t.catalog() : null;
    String schemaArg = t.schema() == null ? null : TableName.escape(t.schema(), md);
    String tableArg = TableName.escape(t.table(), md);
    List<Column> columns = new ArrayList<>();
    try (ResultSet rs = md.getColumns(catalogArg, schemaArg, tableArg, "%")) {
      while (rs.next()) {
        if (!rs.getString("TABLE_NAME").equals(t.table())) {
          continue;
        }
        String typeName = String.valueOf(rs.getString("TYPE_NAME")).toLowerCase(Locale.ROOT);
        int sqlType = rs.getInt("DATA_TYPE");
        boolean signed = !typeName.contains("unsigned");
        if (sqlType == Types.TIMESTAMP && (typeName.contains("tz") || typeName.contains("time zone"))) {
          sqlType = Types.TIMESTAMP_WITH_TIMEZONE;
        }
        columns.add(new Column(rs.getString("COLUMN_NAME"), ColumnReader.logicalType(sqlType, typeName, signed),
            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, Set.of()));
      }
    }
    Map<Short, String> key = new TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(t.catalog(), t.schema(), t.table())) {
      while (rs.next()) {
        key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return new DiscoveredDataset(DatasetNames.table(dialect, url, t), kind, Schema.of(columns),
        List.copyOf(key.values()), foreignKeys(md, t), remarks);
  }

  private List<ForeignKey> foreignKeys(DatabaseMetaData md, TableName t) throws SQLException {
    record Part(String name, TableName references, List<String> columns, List<String> referenced) {}
    Map<String, Part> parts = new LinkedHashMap<>();
    try (ResultSet rs = md.getImportedKeys(t.catalog(), t.schema(), t.table())) {
      while (rs.next()) {
        String name = String.valueOf(rs.getString("FK_NAME"));
        TableName ref = new TableName(rs.getString("PKTABLE_CAT") != null ? rs.getString("PKTABLE_CAT") : t.catalog(),
            dialect == Dialect.MARIADB ? null : rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME"));
        Part p = parts.computeIfAbsent(name + "|" + ref.datasetName(),
            k -> new Part(name, ref, new ArrayList<>(), new ArrayList<>()));
        p.columns().add(rs.getString("FKCOLUMN_NAME"));
        p.referenced().add(rs.getString("PKCOLUMN_NAME"));
      }
    }
    return parts.values().stream()
        .map(p -> new ForeignKey(p.name(), p.columns(), DatasetNames.table(dialect, url, p.references()),
            p.referenced()))
        .toList();
  }
}
