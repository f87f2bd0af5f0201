package io.cairn.connector.jdbc;

/**
 * Follows the watermark through rows read in watermark order and says which offset is safe to resume
 * after: a value is only safe once every row carrying it has been read, so a value that may continue in the
 * next batch holds the offset back at the previous distinct value. Not thread-safe.
 */
final class WatermarkTracker {
  private final int index;
  private final Watermark.Kind kind;
  private Object last;
  private String safe;

  WatermarkTracker(int index, Watermark.Kind kind, Watermark resumedFrom) {
    this.index = index;
    this.kind = kind;
    this.safe = resumedFrom == null ? null : resumedFrom.encode();
  }

  /** Notes a row handed out; returns its provenance offset (its own watermark). */
  String see(Object[] row) {
    Object value = row[index];
    if (last != null && !Watermark.same(last, value)) {
      safe = new Watermark(kind, last).encode();
    }
    last = value;
    return new Watermark(kind, value).encode();
  }

  /**
   * The offset to commit after the rows seen so far.
   *
   * @param next the next row not yet handed out, or null when the result has ended
   */
  String safeOffset(Object[] next) {
    if (last != null && (next == null || !Watermark.same(last, next[index]))) {
      safe = new Watermark(kind, last).encode();
    }
    return safe;
  }
}
