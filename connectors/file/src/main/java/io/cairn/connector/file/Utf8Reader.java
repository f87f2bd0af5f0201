package io.cairn.connector.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Decodes UTF-8 without failing on bad bytes: each malformed sequence becomes U+FFFD and is remembered with
 * its character position and byte offset, so a reader can send just the records that hold one to quarantine
 * instead of failing the whole file. A leading byte order mark is dropped. Not thread-safe.
 */
final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  /** Bad sequences not yet passed: {character position, byte offset}. */
  private final ArrayDeque<long[]> bad = new ArrayDeque<>();
  private long bytesBeforeBuffer;
  private long chars;
  private boolean eof;
  private boolean flushed;
  private boolean pendingReplacement;
  private boolean started;

  Utf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(buf, off, len);
    while (out.position() == off) {
      if (pendingReplacement) {
        out.put('\uFFFD');
        pendingReplacement = false;
        continue;
      }
      if (flushed) {
        return -1;
      }
      if (!bytes.hasRemaining() || !eof && bytes.remaining() < 4) {
        fill();
      }
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        bad.addLast(new long[] {chars + out.position() - off, bytesBeforeBuffer + bytes.position()});
        bytes.position(bytes.position() + r.length());
        if (out.hasRemaining()) {
          out.put('\uFFFD');
        } else {
          pendingReplacement = true;
        }
      } else if (eof && r.isUnderflow() && !bytes.hasRemaining()) {
        decoder.flush(out);
        flushed = true;
      }
    }
    int n = out.position() - off;
    if (!started) {
      started = true;
      if (buf[off] == '\uFEFF') {
        System.arraycopy(buf, off + 1, buf, off, n - 1);
        n--;
        bad.forEach(b -> b[0]--);
        if (n == 0) {
          return read(buf, off, len);
        }
      }
    }
    chars += n;
    return n;
  }

  private void fill() throws IOException {
    if (eof) {
      return;
    }
    bytesBeforeBuffer += bytes.position();
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  /**
   * The byte offset of the first bad sequence decoded at a character position in {@code [from, to)}, or -1;
   * forgets the bad sequences before {@code to}. Positions must not decrease between calls.
   */
  long malformedIn(long from, long to) {
    long found = -1;
    while (!bad.isEmpty() && bad.peekFirst()[0] < to) {
      long[] b = bad.removeFirst();
      if (found < 0 && b[0] >= from) {
        found = b[1];
      }
    }
    return found;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
