package io.cairn.connector.jdbc;

import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads one result column as the Java type of its {@link ColumnType}: integers as Long, NUMERIC as
 * BigDecimal, dates as LocalDate, timestamps as Instant (without a zone: UTC), json/jsonb as JSON text,
 * binary as base64, anything else as its string form.
 *
 * @param column the column as the SPI describes it
 * @param zoned whether a TIMESTAMP column carries a time zone in the database
 * @param getter how the value is read
 */
record ColumnReader(Column column, boolean zoned, Getter getter) {
  /** Reads the value of column {@code i} of the current row. */
  @FunctionalInterface
  interface Getter {
    Object get(ResultSet rs, int i) throws SQLException;
  }

  Object read(ResultSet rs, int i) throws SQLException {
    return getter.get(rs, i);
  }

  static ColumnReader of(ResultSetMetaData md, int i) throws SQLException {
    String typeName = String.valueOf(md.getColumnTypeName(i)).toLowerCase(Locale.ROOT);
    int sqlType = md.getColumnType(i);
    boolean zoned = sqlType == Types.TIMESTAMP_WITH_TIMEZONE
        || (sqlType == Types.TIMESTAMP && (typeName.contains("tz") || typeName.contains("time zone")));
    ColumnType type = logicalType(sqlType, typeName, md.isSigned(i));
    Getter getter = switch (type) {
      case BOOLEAN -> (rs, c) -> nullable(rs, rs.getBoolean(c));
      case LONG -> (rs, c) -> nullable(rs, rs.getLong(c));
      case DOUBLE -> (rs, c) -> nullable(rs, rs.getDouble(c));
      case DECIMAL -> ResultSet::getBigDecimal;
      case DATE -> (rs, c) -> rs.getObject(c, LocalDate.class);
      case TIMESTAMP -> zoned ? ColumnReader::zonedInstant : ColumnReader::utcInstant;
      case STRING -> isBinary(sqlType) ? ColumnReader::base64 : ResultSet::getString;
      case JSON -> ResultSet::getString;
    };
    Column column = new Column(md.getColumnLabel(i), type, md.isNullable(i) != ResultSetMetaData.columnNoNulls,
        java.util.Set.of());
    return new ColumnReader(column, zoned, getter);
  }

  /**
   * The logical type of a database column: integers are LONG (unsigned BIGINT is DECIMAL), binary is
   * STRING (base64), json/jsonb is JSON, anything unknown is STRING.
   *
   * @param sqlType the {@link Types} code
   * @param typeName the database's type name, lower case
   */
  static ColumnType logicalType(int sqlType, String typeName, boolean signed) {
    return switch (sqlType) {
      case Types.BIT, Types.BOOLEAN -> ColumnType.BOOLEAN;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> ColumnType.LONG;
      case Types.BIGINT -> signed ? ColumnType.LONG : ColumnType.DECIMAL;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnType.DOUBLE;
      case Types.NUMERIC, Types.DECIMAL -> ColumnType.DECIMAL;
      case Types.DATE -> ColumnType.DATE;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP;
      default -> typeName.equals("json") || typeName.equals("jsonb") ? ColumnType.JSON : ColumnType.STRING;
    };
  }

  private static boolean isBinary(int sqlType) {
    return sqlType == Types.BINARY || sqlType == Types.VARBINARY || sqlType == Types.LONGVARBINARY
        || sqlType == Types.BLOB;
  }

  private static Object nullable(ResultSet rs, Object value) throws SQLException {
    return rs.wasNull() ? null : value;
  }

  private static Object zonedInstant(ResultSet rs, int c) throws SQLException {
    OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static Object utcInstant(ResultSet rs, int c) throws SQLException {
    LocalDateTime t = rs.getObject(c, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  private static Object base64(ResultSet rs, int c) throws SQLException {
    byte[] bytes = rs.getBytes(c);
    return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
  }
}
