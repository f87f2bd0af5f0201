package io.cairn.connector.file;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cairn.spi.data.ColumnType;

/** The plugin's JSON mapper (configured once, then only read: thread-safe) and JSON value conversion. */
final class JsonSupport {
  /** Decimals stay exact; a line with anything after its value is invalid. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .build();

  private JsonSupport() {}

  /**
   * Converts a JSON value to the column type's Java type: strings are parsed as text, numbers and booleans
   * must fit the type, a JSON column keeps the value's JSON text.
   *
   * @throws IllegalArgumentException with a message such as {@code '"abc"' is not a LONG}
   */
  static Object convert(JsonNode node, ColumnType type) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (type == ColumnType.JSON) {
      return node.toString();
    }
    if (node.isTextual()) {
      return Values.parse(node.textValue(), type);
    }
    Object value = switch (type) {
      case STRING -> node.isContainerNode() ? node.toString() : node.asText();
      case LONG -> node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : null;
      case DOUBLE -> node.isNumber() ? node.doubleValue() : null;
      case DECIMAL -> node.isNumber() ? node.decimalValue() : null;
      case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
      default -> null;
    };
    if (value == null) {
      throw Values.notA(node.toString(), type);
    }
    return value;
  }
}
