package io.cairn.quality.profile;

import java.util.List;

/**
 * The profile of one column.
 *
 * @param name the column
 * @param type the inferred type: integer, number, boolean, date, datetime, email, string, mixed, or empty
 * @param count the values, missing ones included
 * @param nullCount the missing values (null; blank text is a value, as in Great Expectations)
 * @param nullShare nullCount / count
 * @param distinctCount the distinct non-missing values
 * @param min the least value (numbers and dates in their order, text alphabetically), or null
 * @param max the greatest value, or null
 * @param mean the mean of the numeric values, or null
 * @param stdev the sample standard deviation of the numeric values, or null
 * @param minLength the shortest text, or null
 * @param maxLength the longest text, or null
 * @param patterns the most common shapes ({@code 9} a digit, {@code A} an upper-case and {@code a} a
 *     lower-case letter), most common first
 * @param topValues the most common values, most common first
 */
public record ColumnProfile(String name, String type, int count, int nullCount, double nullShare,
    int distinctCount, Object min, Object max, Double mean, Double stdev, Integer minLength, Integer maxLength,
    List<Frequency> patterns, List<Frequency> topValues) {

  /**
   * A value or pattern and how often it appears.
   *
   * @param value the value
   * @param count how many times
   */
  public record Frequency(Object value, int count) {}

  /** The non-missing values. */
  public int present() {
    return count - nullCount;
  }
}
