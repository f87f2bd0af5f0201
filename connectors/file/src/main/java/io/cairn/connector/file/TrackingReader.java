package io.cairn.connector.file;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that keeps the text read recently, so a record's raw text, line and any bad UTF-8 in it can be
 * recovered from its character positions (as the CSV parser reports them). Positions passed in must not
 * decrease. Not thread-safe.
 */
final class TrackingReader extends Reader {
  private static final int COMPACT_AT = 1 << 16;
  private final Utf8Reader in;
  private final StringBuilder window = new StringBuilder();
  private long windowStart;
  private long linePos;
  private long line = 1;

  TrackingReader(Utf8Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    if (n > 0) {
      window.append(buf, off, n);
    }
    return n;
  }

  /** The number of characters read so far. */
  long position() {
    return windowStart + window.length();
  }

  /** The text between two positions still kept. */
  String text(long from, long to) {
    return window.substring((int) (from - windowStart), (int) (to - windowStart));
  }

  /** The byte offset of the first bad UTF-8 sequence between two positions, or -1; see {@link Utf8Reader}. */
  long malformedIn(long from, long to) {
    return in.malformedIn(from, to);
  }

  /** The 1-based line of a position. */
  long lineOf(long pos) {
    for (int i = (int) (linePos - windowStart), end = (int) (pos - windowStart); i < end; i++) {
      if (window.charAt(i) == '\n') {
        line++;
      }
    }
    linePos = pos;
    return line;
  }

  /** Allows dropping the text before a position (at most the last one given to {@link #lineOf}). */
  void release(long pos) {
    int drop = (int) (Math.min(pos, linePos) - windowStart);
    if (drop > COMPACT_AT) {
      window.delete(0, drop);
      windowStart += drop;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
