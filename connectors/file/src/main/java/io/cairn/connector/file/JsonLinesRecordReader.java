package io.cairn.connector.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines file: one JSON object per line, blank lines skipped. Columns are looked up by field
 * name; a missing field is null and fields the schema does not name are ignored. A line holding bytes that
 * are not UTF-8 goes to quarantine on its own.
 */
final class JsonLinesRecordReader extends RecordReader {
  private final Utf8Reader in;
  private final char[] buffer = new char[8192];
  private final StringBuilder text = new StringBuilder();
  private int pos;
  private int limit;
  private long chars;
  private long badByte = -1;
  private ObjectNode parsed;
  private Schema schema;

  JsonLinesRecordReader(Path file) throws IOException {
    this.in = new Utf8Reader(Files.newInputStream(file));
  }

  @Override
  boolean next() {
    try {
      String l;
      long start;
      do {
        start = chars;
        l = readLine();
        line++;
      } while (l != null && l.isBlank());
      if (l == null) {
        return false;
      }
      badByte = in.malformedIn(start, chars);
      raw = l;
      parsed = null;
      number++;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
  private String readLine() throws IOException {
    text.setLength(0);
    while (true) {
      if (pos == limit) {
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit < 0) {
          limit = 0;
          return text.isEmpty() ? null : text.toString();
        }
      }
      int i = pos;
      while (i < limit && buffer[i] != '\n') {
        i++;
      }
      text.append(buffer, pos, i - pos);
      chars += i - pos;
      if (i < limit) {
        pos = i + 1;
        chars++;
        int end = text.length();
        return text.substring(0, end > 0 && text.charAt(end - 1) == '\r' ? end - 1 : end);
      }
      pos = limit;
    }
  }

  @Override
  List<String> fieldNames() throws RecordException {
    List<String> names = new ArrayList<>();
    parse().fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Override
  void bind(Schema s) {
    schema = s;
  }

  @Override
  Object[] values() throws RecordException {
    ObjectNode node = parse();
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      Column c = schema.column(i);
      try {
        values[i] = JsonSupport.convert(node.get(c.name()), c.type());
      } catch (IllegalArgumentException e) {
        throw new RecordException("column '" + c.name() + "': " + e.getMessage());
      }
    }
    return values;
  }

  private ObjectNode parse() throws RecordException {
    if (badByte >= 0) {
      throw new RecordException("invalid UTF-8 at byte " + badByte);
    }
    if (parsed == null) {
      JsonNode node;
      try {
        node = JsonSupport.MAPPER.readTree(raw);
      } catch (JsonProcessingException e) {
        throw new RecordException("invalid JSON: " + e.getOriginalMessage());
      }
      if (!(node instanceof ObjectNode object)) {
        throw new RecordException("expected a JSON object, found " + node.getNodeType().name().toLowerCase(
            java.util.Locale.ROOT));
      }
      parsed = object;
    }
    return parsed;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
