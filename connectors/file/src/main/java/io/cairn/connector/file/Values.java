package io.cairn.connector.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cairn.spi.data.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Converts text to the Java type of a {@link ColumnType} and back. Timestamps are ISO-8601 instants; an
 * offset ({@code +02:00}) is accepted, and a timestamp without zone or offset is taken as UTC.
 */
final class Values {
  private Values() {}

  /**
   * Converts text to the column type's Java type.
   *
   * @throws IllegalArgumentException with a message such as {@code 'abc' is not a LONG}
   */
  static Object parse(String text, ColumnType type) {
    try {
      String t = type == ColumnType.STRING ? text : text.strip();
      return switch (type) {
        case STRING -> text;
        case LONG -> Long.parseLong(t);
        case DOUBLE -> Double.parseDouble(t);
        case DECIMAL -> new BigDecimal(t);
        case BOOLEAN -> bool(t);
        case DATE -> LocalDate.parse(t);
        case TIMESTAMP -> instant(t);
        case JSON -> {
          JsonSupport.MAPPER.readTree(t);
          yield t;
        }
      };
    } catch (NumberFormatException | DateTimeParseException | JsonProcessingException e) {
      throw notA(text, type);
    }
  }

  /** The text form written to CSV: ISO dates and instants, plain decimals; null stays null. */
  static String format(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }

  static IllegalArgumentException notA(String text, ColumnType type) {
    String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    String hint = switch (type) {
      case DATE -> " (ISO yyyy-MM-dd)";
      case TIMESTAMP -> " (ISO-8601, e.g. 2024-05-01T10:15:30Z)";
      case BOOLEAN -> " (true/false)";
      default -> "";
    };
    return new IllegalArgumentException("'" + shown + "' is not a " + type + hint);
  }

  private static Boolean bool(String t) {
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
      case "false", "f", "no", "n", "0" -> Boolean.FALSE;
      default -> throw new NumberFormatException(t);
    };
  }

  private static Instant instant(String t) {
    String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException e2) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      }
    }
  }
}
