package io.cairn.platform.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.api.ApiException;
import io.cairn.quality.data.Table;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code {"<column>": [values...]}} into a table of Java values; bad shapes are 400s. */
final class InlineData {
  static final int MAX_CELLS = 1_000_000;

  private InlineData() {}

  static Table table(JsonNode data) {
    if (data == null || !data.isObject()) {
      throw ApiException.badRequest("'data' must be an object of columns: {\"<column>\": [values...]}");
    }
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    long cells = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> column = it.next();
      if (!column.getValue().isArray()) {
        throw ApiException.badRequest("column '" + column.getKey() + "' must be a list of values");
      }
      List<Object> values = new ArrayList<>(column.getValue().size());
      int row = 0;
      for (JsonNode v : column.getValue()) {
        values.add(value(column.getKey(), row++, v));
      }
      cells += values.size();
      if (cells > MAX_CELLS) {
        throw ApiException.badRequest("the sample has more than " + MAX_CELLS + " values; send a smaller sample");
      }
      columns.put(column.getKey(), values);
    }
    try {
      return Table.ofColumns(columns);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static Object value(String column, int row, JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.longValue() : v.decimalValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    throw ApiException.badRequest("column '" + column + "', value " + (row + 1)
        + ": nested objects and lists are not supported");
  }
}
