package io.cairn.connector.file;

import io.cairn.spi.data.Schema;
import java.io.Closeable;
import java.util.List;

/**
 * Reads the records of one file. Not thread-safe. {@link #next} only frames a record (cheap, used to skip
 * on resume); {@link #values} converts it. Subclasses keep {@link #number}, {@link #line} and {@link #raw}
 * current.
 */
abstract class RecordReader implements Closeable {
  /** The current record's number, 1-based, counting data records only. */
  protected long number;
  /** The physical line where the current record starts, 1-based. */
  protected long line;
  /** The current record as it stands in the file, without its line break. */
  protected String raw;

  /** Moves to the next record; false at the end of the file. */
  abstract boolean next();

  final long recordNumber() {
    return number;
  }

  final long lineNumber() {
    return line;
  }

  final String raw() {
    return raw;
  }

  /**
   * The names the file gives its fields: the CSV header (null when the file has none), or the keys of the
   * current JSON-lines record.
   *
   * @throws RecordException when the current record is not valid
   */
  abstract List<String> fieldNames() throws RecordException;

  /**
   * Fixes the schema the values are converted to.
   *
   * @throws IllegalStateException when the file lacks a column of the schema
   */
  abstract void bind(Schema schema);

  /**
   * The current record's values in schema order.
   *
   * @throws RecordException naming what is wrong (without the line number)
   */
  abstract Object[] values() throws RecordException;

  @Override
  public abstract void close();
}
