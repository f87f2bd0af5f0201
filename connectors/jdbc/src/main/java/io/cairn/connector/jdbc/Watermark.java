package io.cairn.connector.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A watermark value and its kind, encoded in offsets as {@code <KIND>:<value>}. The kind says how to bind the
 * value again: {@code TIMESTAMP} is a timestamp without time zone (bound as UTC local time),
 * {@code TIMESTAMPTZ} one with.
 *
 * @param kind how the value is typed and bound
 * @param value the value as read (Long, Double, BigDecimal, String, LocalDate or Instant)
 */
record Watermark(Kind kind, Object value) {
  /** The types a watermark column may have. */
  enum Kind {
    LONG,
    DOUBLE,
    DECIMAL,
    STRING,
    DATE,
    TIMESTAMP,
    TIMESTAMPTZ
  }

  Watermark {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  /**
   * The kind of a column's watermarks.
   *
   * @throws IllegalArgumentException for BOOLEAN and JSON columns, which do not order rows
   */
  static Kind kindOf(ColumnReader reader) {
    return switch (reader.column().type()) {
      case LONG -> Kind.LONG;
      case DOUBLE -> Kind.DOUBLE;
      case DECIMAL -> Kind.DECIMAL;
      case STRING -> Kind.STRING;
      case DATE -> Kind.DATE;
      case TIMESTAMP -> reader.zoned() ? Kind.TIMESTAMPTZ : Kind.TIMESTAMP;
      default -> throw new IllegalArgumentException("watermark column '" + reader.column().name()
          + "' is " + reader.column().type() + "; it must be a number, date, timestamp or string");
    };
  }

  String encode() {
    return kind + ":" + (value instanceof BigDecimal d ? d.toPlainString() : value.toString());
  }

  /**
   * Decodes an offset this source wrote.
   *
   * @throws IllegalArgumentException when the offset is not {@code <KIND>:<value>}
   */
  static Watermark decode(String offset) {
    int colon = offset.indexOf(':');
    try {
      Kind kind = Kind.valueOf(offset.substring(0, Math.max(colon, 0)));
      String text = offset.substring(colon + 1);
      return new Watermark(kind, switch (kind) {
        case LONG -> Long.valueOf(text);
        case DOUBLE -> Double.valueOf(text);
        case DECIMAL -> new BigDecimal(text);
        case STRING -> text;
        case DATE -> LocalDate.parse(text);
        case TIMESTAMP, TIMESTAMPTZ -> Instant.parse(text);
      });
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("resume offset '" + offset + "' is not <KIND>:<watermark> as this "
          + "source writes them", e);
    }
  }

  void bind(PreparedStatement ps, int index) throws SQLException {
    switch (kind) {
      case LONG -> ps.setLong(index, (Long) value);
      case DOUBLE -> ps.setDouble(index, (Double) value);
      case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
      case STRING -> ps.setString(index, (String) value);
      case DATE -> ps.setObject(index, value);
      case TIMESTAMP -> ps.setObject(index, LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
      case TIMESTAMPTZ -> ps.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
    }
  }

  /** Whether two values of one column are the same watermark (decimals compare by value). */
  static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }
}
