package io.cairn.quality.step;

import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Schema;
import java.math.BigDecimal;

/** Brings fixed values back to their column's Java type (a fill of a LONG column with 42.0 gives 42L). */
final class Typing {
  private Typing() {}

  /**
   * Converts the values in place to their columns' types where a fix changed the representation.
   *
   * @return null when every value fits, else a reason naming the column and value
   */
  static String conform(Schema schema, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      ColumnType type = schema.column(i).type();
      if (v == null) {
        continue;
      }
      try {
        values[i] = switch (type) {
          case STRING, JSON -> v instanceof String ? v : v.toString();
          case LONG -> v instanceof Long ? v : new BigDecimal(v.toString()).longValueExact();
          case DOUBLE -> v instanceof Double ? v : Double.valueOf(v.toString());
          case DECIMAL -> v instanceof BigDecimal ? v : new BigDecimal(v.toString());
          case BOOLEAN -> v instanceof Boolean ? v : bool(v.toString());
          default -> v;
        };
      } catch (RuntimeException e) {
        return "column '" + schema.column(i).name() + "': fixed value '" + v + "' is not a " + type;
      }
    }
    return null;
  }

  private static Boolean bool(String s) {
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.valueOf(s);
    }
    throw new IllegalArgumentException(s);
  }
}
