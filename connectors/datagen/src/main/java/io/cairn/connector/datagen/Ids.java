package io.cairn.connector.datagen;

/** Formatting helpers for ids, cheaper than {@link String#format}. */
final class Ids {
  private Ids() {}

  /** {@code prefix} followed by {@code n} padded with zeros to at least {@code width} digits. */
  static String padded(char prefix, long n, int width) {
    String digits = Long.toString(n);
    StringBuilder sb = new StringBuilder(width + 1).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }
}
