package io.cairn.connector.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.spi.data.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * JSON values to the Java type of a {@link ColumnType}: numbers and booleans must fit the type, text is
 * parsed (ISO dates, ISO-8601 instants with {@code Z} or an offset), a JSON column keeps the value's JSON text,
 * and a STRING column takes any scalar as text and a container as its JSON text.
 */
final class JsonValues {
  private JsonValues() {}

  /**
   * Converts one value; a missing or null node is null.
   *
   * @throws IllegalArgumentException with a message such as {@code '"abc"' is not a LONG}
   */
  static Object convert(JsonNode node, ColumnType type) {
    if (node == null || node.isNull()) {
      return null;
    }
    Object value;
    try {
      value = switch (type) {
        case JSON -> node.toString();
        case STRING -> node.isContainerNode() ? node.toString() : node.asText();
        case LONG -> node.isIntegralNumber() && node.canConvertToLong() ? Long.valueOf(node.longValue())
            : text(node) == null ? null : Long.valueOf(text(node));
        case DOUBLE -> node.isNumber() ? Double.valueOf(node.doubleValue())
            : text(node) == null ? null : Double.valueOf(text(node));
        case DECIMAL -> node.isNumber() ? node.decimalValue()
            : text(node) == null ? null : new BigDecimal(text(node));
        case BOOLEAN -> node.isBoolean() ? Boolean.valueOf(node.booleanValue()) : bool(text(node));
        case DATE -> text(node) == null ? null : LocalDate.parse(text(node));
        case TIMESTAMP -> node.isIntegralNumber() ? Instant.ofEpochMilli(node.longValue())
            : text(node) == null ? null : instant(text(node));
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      value = null;
    }
    if (value == null) {
      String shown = node.toString();
      throw new IllegalArgumentException("'" + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown)
          + "' is not a " + type);
    }
    return value;
  }

  /** The stripped text of a text node, else null. */
  private static String text(JsonNode node) {
    return node.isTextual() ? node.textValue().strip() : null;
  }

  private static Boolean bool(String text) {
    if (text == null) {
      return null;
    }
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }
}
