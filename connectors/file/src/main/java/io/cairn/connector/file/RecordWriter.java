package io.cairn.connector.file;

import io.cairn.spi.data.Batch;
import java.io.IOException;
import java.io.OutputStream;

/** Renders batches as the bytes of one file format. Not thread-safe. */
interface RecordWriter {
  /**
   * Writes the batch's rows, and the header first when one is due.
   *
   * @param header whether to write a header before the rows (formats without headers ignore it)
   */
  void write(Batch batch, boolean header, OutputStream out) throws IOException;

  static RecordWriter of(FileFormat format, char delimiter) {
    return format == FileFormat.CSV ? new CsvRecordWriter(delimiter) : new JsonLinesRecordWriter();
  }
}
