package io.cairn.connector.file;

import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes RFC 4180 CSV in UTF-8 with {@code \n} line breaks; null is an empty field. */
final class CsvRecordWriter implements RecordWriter {
  private final CSVFormat format;

  CsvRecordWriter(char delimiter) {
    this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator('\n').get();
  }

  @Override
  public void write(Batch batch, boolean header, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter printer = new CSVPrinter(writer, format);
    if (header) {
      printer.printRecord(batch.schema().names());
    }
    String[] fields = new String[batch.schema().size()];
    for (Row row : batch.rows()) {
      for (int i = 0; i < fields.length; i++) {
        fields[i] = Values.format(row.get(i));
      }
      printer.printRecord((Object[]) fields);
    }
    printer.flush();
  }
}
