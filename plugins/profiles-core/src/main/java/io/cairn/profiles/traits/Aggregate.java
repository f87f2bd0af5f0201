package io.cairn.profiles.traits;

import java.util.Arrays;
import java.util.Locale;

/** How a trait aggregates a profile's facts. */
public enum Aggregate {
  /** The number of facts. */
  COUNT(false),
  /** The sum of a numeric field. */
  SUM(true),
  /** The mean of a numeric field. */
  AVG(true),
  /** The smallest value of a numeric field. */
  MIN(true),
  /** The largest value of a numeric field. */
  MAX(true),
  /** Whole days from the latest fact to the reference time. */
  DAYS_SINCE_LAST(false),
  /** Whole days from the earliest fact to the reference time. */
  DAYS_SINCE_FIRST(false),
  /** The number of distinct values of a field. */
  DISTINCT(true),
  /** The most frequent value of a field (ties: the value seen last), e.g. a channel affinity. */
  MODE(true);

  private final boolean needsField;

  Aggregate(boolean needsField) {
    this.needsField = needsField;
  }

  /** Whether the aggregate reads a field ({@code of}). */
  public boolean needsField() {
    return needsField;
  }

  /**
   * The aggregate written as in YAML, e.g. {@code days_since_last}.
   *
   * @throws IllegalArgumentException naming the aggregates when there is none of that name
   */
  public static Aggregate parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown aggregate '" + name + "' (known: "
          + String.join(", ", Arrays.stream(values()).map(a -> a.name().toLowerCase(Locale.ROOT)).toList()) + ")", e);
    }
  }
}
