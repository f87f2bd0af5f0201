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
    return new ValueCheck("is not in " + values, v -> keys.contains(Values.key(v)));
  }

  /** A match of the regular expression is found in the value's text (Python's {@code re.search}). */
  public static ValueCheck regex(String regex) {
    Pattern p = Pattern.compile(regex);
    return new ValueCheck("does not match /" + regex + "/", v -> p.matcher(Values.text(v)).find());
  }

  /**
   * The value lies between the bounds (either may be null: unbounded). A value that cannot be compared with
   * the bounds fails.
   */
  public static ValueCheck between(Object min, Object max, boolean strictMin, boolean strictMax) {
    String text = (min == null ? "" : (strictMin ? "> " : ">= ") + Values.show(min))
        + (min != null && max != null ? " and " : "") + (max == null ? "" : (strictMax ? "< " : "<= ")
        + Values.show(max));
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

  /** The length of the value's text lies between the bounds (either may be null). */
  public static ValueCheck lengthBetween(Integer min, Integer max) {
    return new ValueCheck("has a length not in [" + (min == null ? "" : min) + ", " + (max == null ? "" : max) + "]",
        v -> {
          String text = Values.text(v);
          int n = text.codePointCount(0, text.length());
          return (min == null || n >= min) && (max == null || n <= max);
        });
  }
}
