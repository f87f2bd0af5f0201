package io.cairn.quality.data;

import java.math.BigDecimal;
import java.util.Objects;

/** Comparison and conversion of values across their Java types (JSON numbers, strings, dates). */
public final class Values {
  private Values() {}

  /** The value as a number, or null when it is not one (strings holding numbers count). */
  public static BigDecimal number(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (v instanceof String s && !s.isBlank()) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Whether two values are equal, numbers compared by value ({@code 1 == 1.0}). */
  public static boolean same(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return number(a) != null && number(b) != null && number(a).compareTo(number(b)) == 0;
    }
    return Objects.equals(a, b);
  }

  /**
   * Compares two values: numbers by value, other values of the same comparable type naturally, everything
   * else as text.
   *
   * @throws IllegalArgumentException when a number is compared with something that is not a number
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (small(a) && small(b)) {
      return a instanceof Long || a instanceof Integer ? (b instanceof Long || b instanceof Integer
          ? Long.compare(((Number) a).longValue(), ((Number) b).longValue())
          : Double.compare(((Number) a).longValue(), ((Number) b).doubleValue()))
          : Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (a instanceof Number || b instanceof Number) {
      BigDecimal x = number(a);
      BigDecimal y = number(b);
      if (x == null || y == null) {
        throw new IllegalArgumentException("cannot compare '" + a + "' with '" + b + "'");
      }
      return x.compareTo(y);
    }
    if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
      return ca.compareTo(b);
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  /**
   * A key under which equal values (numbers by value: {@code 1}, {@code 1L}, {@code 1.0}) fall together, for
   * sets and maps; other values are their own key.
   */
  public static Object key(Object v) {
    if (v instanceof Long) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 0x1p53 ? (Object) (long) d : (Object) d;
    }
    if (v instanceof BigDecimal b) {
      BigDecimal s = b.stripTrailingZeros();
      if (s.scale() <= 0 && s.precision() - s.scale() <= 18) {
        return s.longValueExact();
      }
      return s.scale() <= 0 || s.precision() > 15 ? s : (Object) s.doubleValue();
    }
    return v;
  }

  /** The value for messages: numbers without trailing zeros ({@code 3}, not {@code 3.0}). */
  public static String show(Object v) {
    BigDecimal n = v instanceof Number ? number(v) : null;
    return n != null ? n.stripTrailingZeros().toPlainString() : String.valueOf(v);
  }

  /** Numbers compared exactly as doubles or longs: ints, longs within 2^53, finite doubles. */
  private static boolean small(Object v) {
    return v instanceof Integer || v instanceof Long l && Math.abs(l) < 0x1p53
        || (v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue());
  }

  /** The value as text, or null. */
  public static String text(Object v) {
    return v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
  }
}
