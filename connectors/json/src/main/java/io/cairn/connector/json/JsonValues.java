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
        case LONG -> node.isIntegralNumber() && node.canConvertToLong() ? node.longValue()
            : node.isTextual() ? Long.valueOf(node.textValue().strip()) : null;
        case DOUBLE -> node.isNumber() ? node.doubleValue()
            : node.isTextual() ? Double.valueOf(node.textValue().strip()) : null;
        case DECIMAL -> node.isNumber() ? node.decimalValue()
            : node.isTextual() ? new BigDecimal(node.textValue().strip()) : null;
        case BOOLEAN -> node.isBoolean() ? node.booleanValue()
            : node.isTextual() ? bool(node.textValue().strip()) : null;
        case DATE -> node.isTextual() ? LocalDate.parse(node.textValue().strip()) : null;
        case TIMESTAMP -> node.isTextual() ? instant(node.textValue().strip())
            : node.isIntegralNumber() ? Instant.ofEpochMilli(node.longValue()) : null;
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

  private static Boolean bool(String text) {
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
