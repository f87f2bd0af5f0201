package io.cairn.connector.file;

import io.cairn.spi.data.Column;
import io.cairn.spi.data.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (RFC 4180 quoting, UTF-8; a record holding bytes that are not UTF-8 goes to quarantine on
 * its own). With a header, columns are found by name, so a file may order them differently or carry more; without one, the schema's columns are the fields in order. An empty field
 * is null. The parser runs one record ahead so that each record's raw text is known.
 */
final class CsvRecordReader extends RecordReader {
  private final Path file;
  private final TrackingReader source;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private CSVRecord current;
  private CSVRecord ahead;
  private Schema schema;
  private int[] positions;
  private long badByte = -1;

  CsvRecordReader(Path file, char delimiter, boolean hasHeader) throws IOException {
    this.file = file;
    this.source = new TrackingReader(new Utf8Reader(Files.newInputStream(file)));
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(true)
        .setLenientEof(true)
        .setTrailingData(true)
        .get();
    this.parser = CSVParser.builder().setReader(source).setFormat(format).get();
    this.records = parser.iterator();
    this.ahead = fetch();
    if (hasHeader && ahead != null) {
      header = ahead.toList().stream().map(String::strip).toList();
      ahead = fetch();
    } else {
      header = hasHeader ? List.of() : null;
    }
  }

  @Override
  boolean next() {
    if (ahead == null) {
      return false;
    }
    current = ahead;
    ahead = fetch();
    long start = current.getCharacterPosition();
    long end = ahead == null ? source.position() : ahead.getCharacterPosition();
    badByte = source.malformedIn(start, end);
    String text = source.text(start, end);
    int blank = 0;
    while (blank < text.length() && isLineBreak(text.charAt(blank))) {
      blank++; // empty lines the parser skipped before this record
    }
    line = source.lineOf(start + blank);
    raw = text.substring(blank, lastNonBreak(text) + 1);
    source.release(start + blank);
    number++;
    return true;
  }

  @Override
  List<String> fieldNames() {
    return header;
  }

  @Override
  void bind(Schema s) {
    schema = s;
    positions = new int[s.size()];
    for (int i = 0; i < s.size(); i++) {
      String name = s.column(i).name();
      positions[i] = header == null ? i : header.indexOf(name);
      if (positions[i] < 0) {
        throw new IllegalStateException(file.getFileName() + " has no column '" + name + "' (header: "
            + header + ")");
      }
    }
  }

  @Override
  Object[] values() throws RecordException {
    if (badByte >= 0) {
      throw new RecordException("invalid UTF-8 at byte " + badByte);
    }
    int expected = header == null ? schema.size() : header.size();
    if (current.size() != expected) {
      throw new RecordException("expected " + expected + " fields, found " + current.size());
    }
    Object[] values = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) {
      String text = current.get(positions[i]);
      if (!text.isEmpty()) {
        Column c = schema.column(i);
        try {
          values[i] = Values.parse(text, c.type());
        } catch (IllegalArgumentException e) {
          throw new RecordException("column '" + c.name() + "': " + e.getMessage());
        }
      }
    }
    return values;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CSVRecord fetch() {
    return records.hasNext() ? records.next() : null;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  private static int lastNonBreak(String s) {
    int i = s.length() - 1;
    while (i >= 0 && isLineBreak(s.charAt(i))) {
      i--;
    }
    return i;
  }
}
