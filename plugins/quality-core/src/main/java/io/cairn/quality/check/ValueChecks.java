package io.cairn.quality.check;

import io.cairn.quality.data.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Factories of the value checks that rules and expectations share. */
public final class ValueChecks {
  private ValueChecks() {}

  /** The value equals one of the set (numbers by value). */
  public static ValueCheck inSet(Collection<?> set) {
    List<Object> values = new ArrayList<>(set);
    Set<Object> keys = new HashSet<>();
    values.forEach(v -> keys.add(Values.key(v)));
    return new ValueCheck("is not in " + values, new ColumnPredicate() {
      @Override
      public boolean test(Object v) {
        return keys.contains(v instanceof String ? v : Values.key(v));
      }

      @Override
      public int failing(Cells cells, int[] out) {
        int k = 0;
        for (int i = 0, n = cells.size(); i < n; i++) {
          Object v = cells.get(i);
          if (v != null && !keys.contains(v instanceof String ? v : Values.key(v))) {
            out[k++] = i;
          }
        }
        return k;
      }
    });
  }

  /** A match of the regular expression is found in the value's text (Python's {@code re.search}). */
  public static ValueCheck regex(String regex) {
    Pattern p = Pattern.compile(regex);
    return new ValueCheck("does not match /" + regex + "/", new ColumnPredicate() {
      @Override
      public boolean test(Object v) {
        return p.matcher(Values.text(v)).find();
      }

      @Override
      public int failing(Cells cells, int[] out) {
        int k = 0;
        for (int i = 0, n = cells.size(); i < n; i++) {
          Object v = cells.get(i);
          if (v != null && !p.matcher(Values.text(v)).find()) {
            out[k++] = i;
          }
        }
        return k;
      }
    });
  }

  /**
   * The value lies between the bounds (either may be null: unbounded). A value that cannot be compared with
   * the bounds fails.
   */
  public static ValueCheck between(Object min, Object max, boolean strictMin, boolean strictMax) {
    String text = (min == null ? "" : (strictMin ? "> " : ">= ") + Values.show(min))
        + (min != null && max != null ? " and " : "") + (max == null ? "" : (strictMax ? "< " : "<= ")
        + Values.show(max));
    if (plainBound(min) && plainBound(max)) {
      // bounds that are finite doubles (as parsed from rules): a long within 2^53 or a finite double compares
      // with them exactly as Values.compare does (Double.compare), without its type tests; others go the long way
      double lo = min == null ? 0 : ((Number) min).doubleValue();
      double hi = max == null ? 0 : ((Number) max).doubleValue();
      return new ValueCheck("is not " + text, new ColumnPredicate() {
        @Override
        public boolean test(Object v) {
          return within(v, min, max, strictMin, strictMax, lo, hi);
        }

        @Override
        public int failing(Cells cells, int[] out) {
          int k = 0;
          for (int i = 0, n = cells.size(); i < n; i++) {
            Object v = cells.get(i);
            if (v != null && !within(v, min, max, strictMin, strictMax, lo, hi)) {
              out[k++] = i;
            }
          }
          return k;
        }
      });
    }
    return new ValueCheck("is not " + text, v -> {
      try {
        return withinBounds(v, min, max, strictMin, strictMax);
      } catch (IllegalArgumentException e) {
        return false;
      }
    });
  }

  /** Whether a value lies between bounds that may be null; throws when the value cannot be compared. */
  public static boolean withinBounds(Object v, Object min, Object max, boolean strictMin, boolean strictMax) {
    if (min != null) {
      int c = Values.compare(v, min);
      if (strictMin ? c <= 0 : c < 0) {
        return false;
      }
    }
    if (max != null) {
      int c = Values.compare(v, max);
      return strictMax ? c < 0 : c <= 0;
    }
    return true;
  }

  /** {@link #between} with finite double bounds (null: none) also given as doubles. */
  private static boolean within(Object v, Object min, Object max, boolean strictMin, boolean strictMax, double lo,
      double hi) {
    double x;
    if (v instanceof Long l && Math.abs(l) < 0x1p53) {
      x = l;
    } else if (v instanceof Double d && Double.isFinite(d)) {
      x = d;
    } else {
      try {
        return withinBounds(v, min, max, strictMin, strictMax);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (min != null) {
      int c = Double.compare(x, lo);
      if (strictMin ? c <= 0 : c < 0) {
        return false;
      }
    }
    if (max != null) {
      int c = Double.compare(x, hi);
      return strictMax ? c < 0 : c <= 0;
    }
    return true;
  }

  /** A bound the fast path of {@link #between} handles: none, or a finite double. */
  private static boolean plainBound(Object b) {
    return b == null || b instanceof Double d && Double.isFinite(d);
  }

  /** The length of the value's text lies between the bounds (either may be null). */
  public static ValueCheck lengthBetween(Integer min, Integer max) {
    return new ValueCheck("has a length not in [" + (min == null ? "" : min) + ", " + (max == null ? "" : max) + "]",
        new ColumnPredicate() {
          @Override
          public boolean test(Object v) {
            return lengthWithin(v, min, max);
          }

          @Override
          public int failing(Cells cells, int[] out) {
            int k = 0;
            for (int i = 0, n = cells.size(); i < n; i++) {
              Object v = cells.get(i);
              if (v != null && !lengthWithin(v, min, max)) {
                out[k++] = i;
              }
            }
            return k;
          }
        });
  }

  private static boolean lengthWithin(Object v, Integer min, Integer max) {
    String text = Values.text(v);
    int chars = text.length();
    // a text of c chars has between ceil(c / 2) and c code points: count them only when that range does not
    // settle the bounds
    if ((min == null || (chars + 1) / 2 >= min) && (max == null || chars <= max)) {
      return true;
    }
    int n = text.codePointCount(0, chars);
    return (min == null || n >= min) && (max == null || n <= max);
  }
}
