package io.cairn.connector.jdbc;

import io.cairn.spi.data.ColumnType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Binds one batch column to a statement parameter, chosen once per column from its {@link ColumnType}, the
 * dialect and the target column: instants as UTC {@link OffsetDateTime} (as UTC {@link LocalDateTime} into
 * columns without a time zone and on MariaDB), JSON as PostgreSQL json/jsonb or H2 JSON, and on PostgreSQL
 * strings into non-text columns as untyped literals that the server converts (so a CSV read without declared
 * types still fills integer and date columns).
 */
@FunctionalInterface
interface Binder {
  void bind(PreparedStatement ps, int index, Object value) throws SQLException;

  static Binder of(ColumnType type, Dialect dialect, TableColumns.TargetColumn target) {
    int nullType = switch (type) {
      case STRING -> Types.VARCHAR;
      case LONG -> Types.BIGINT;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.NUMERIC;
      case BOOLEAN -> Types.BOOLEAN;
      case DATE -> Types.DATE;
      case TIMESTAMP -> Types.TIMESTAMP;
      case JSON -> dialect == Dialect.POSTGRESQL ? Types.OTHER : Types.VARCHAR;
    };
    boolean untyped = dialect == Dialect.POSTGRESQL && !target.isText()
        && (type == ColumnType.STRING || type == ColumnType.JSON);
    Binder nonNull = switch (type) {
      case STRING, JSON -> untyped
          ? (ps, i, v) -> ps.setObject(i, v.toString(), Types.OTHER)
          : dialect == Dialect.H2 && target.typeName().equals("json")
              ? (ps, i, v) -> ps.setBytes(i, v.toString().getBytes(StandardCharsets.UTF_8))
              : (ps, i, v) -> ps.setString(i, v.toString());
      case LONG -> (ps, i, v) -> ps.setLong(i, ((Number) v).longValue());
      case DOUBLE -> (ps, i, v) -> ps.setDouble(i, ((Number) v).doubleValue());
      case DECIMAL -> (ps, i, v) -> ps.setBigDecimal(i, v instanceof BigDecimal d ? d : new BigDecimal(v.toString()));
      case BOOLEAN -> (ps, i, v) -> ps.setBoolean(i, (Boolean) v);
      case DATE -> PreparedStatement::setObject;
      case TIMESTAMP -> dialect == Dialect.MARIADB || !target.isZonedTimestamp()
          ? (ps, i, v) -> ps.setObject(i, LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC))
          : (ps, i, v) -> ps.setObject(i, OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
    };
    int nullAs = untyped ? Types.OTHER : nullType;
    return (ps, i, v) -> {
      if (v == null) {
        ps.setNull(i, nullAs);
      } else {
        nonNull.bind(ps, i, v);
      }
    };
  }
}
