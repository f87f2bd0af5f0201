package io.cairn.platform.collector.wal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Records encoded for {@link EventLog#append(LogBatch)}, built in one growing buffer so that a writer can put an
 * event's bytes straight into the log's format without a {@code byte[]} per record: {@link #begin} a record with
 * its key, {@link #write} its value in as many pieces as it takes, {@link #end} it. Not thread-safe: one request
 * builds one batch at a time. A batch may be {@linkplain #reset reused} once {@link EventLog#appendAsync} has
 * returned: the log has copied its bytes by then.
 */
public final class LogBatch {
  private byte[] buf;
  private int size;
  private int recordStart = -1;
  private int valueStart;
  private int count;
  private final CRC32C crc = new CRC32C();

  /** @param capacity the bytes expected (the buffer grows beyond it) */
  public LogBatch(int capacity) {
    buf = new byte[Math.max(64, capacity)];
  }

  /** Empties the batch for the next request, keeping its buffer; a record begun and not ended is dropped. */
  public LogBatch reset() {
    size = 0;
    recordStart = -1;
    valueStart = 0;
    count = 0;
    return this;
  }

  /** The bytes the buffer holds without growing. */
  public int capacity() {
    return buf.length;
  }

  /** Starts a record with this key (UTF-8, at most 32,767 bytes). */
  public LogBatch begin(String key) {
    return begin(key.getBytes(StandardCharsets.UTF_8));
  }

  /** Starts a record with this key (at most 32,767 bytes). */
  public LogBatch begin(byte[] key) {
    if (recordStart >= 0) {
      throw new IllegalStateException("the previous record was not ended");
    }
    if (key.length > Short.MAX_VALUE) {
      throw new IllegalArgumentException("a record key may have at most 32767 bytes");
    }
    recordStart = size;
    ensure(EventLog.HEADER + 2 + key.length);
    size += EventLog.HEADER;
    buf[size++] = (byte) (key.length >>> 8);
    buf[size++] = (byte) key.length;
    System.arraycopy(key, 0, buf, size, key.length);
    size += key.length;
    valueStart = size;
    return this;
  }

  /** Adds bytes to the current record's value. */
  public LogBatch write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
    return this;
  }

  /** Adds bytes to the current record's value. */
  public LogBatch write(byte[] b) {
    return write(b, 0, b.length);
  }

  /** Adds one byte to the current record's value. */
  public LogBatch write(int b) {
    ensure(1);
    buf[size++] = (byte) b;
    return this;
  }

  /** Ends the current record: writes its length and checksum. */
  public LogBatch end() {
    if (recordStart < 0) {
      throw new IllegalStateException("no record was begun");
    }
    int len = size - recordStart - EventLog.HEADER;
    ByteBuffer header = ByteBuffer.wrap(buf, recordStart, EventLog.HEADER);
    header.putInt(len);
    crc.reset();
    crc.update(buf, recordStart + EventLog.HEADER, len);
    header.putInt((int) crc.getValue());
    recordStart = -1;
    count++;
    return this;
  }

  /** The records ended so far. */
  public int count() {
    return count;
  }

  /** The encoded bytes of the ended records. */
  int size() {
    return recordStart < 0 ? size : recordStart;
  }

  /** The ended records as a buffer for writing. */
  ByteBuffer encoded() {
    return ByteBuffer.wrap(buf, 0, size());
  }

  /** A copy of the bytes written to the current record's value so far (for a reader that needs them whole). */
  public byte[] currentValue() {
    if (recordStart < 0) {
      throw new IllegalStateException("no record was begun");
    }
    return Arrays.copyOfRange(buf, valueStart, size);
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}
