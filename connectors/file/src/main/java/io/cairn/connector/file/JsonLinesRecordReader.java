package io.cairn.connector.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines file: one JSON object per line, blank lines skipped. Columns are looked up by field
 * name; a missing field is null and fields the schema does not name are ignored.
 */
final class JsonLinesRecordReader extends RecordReader {
  private final BufferedReader in;
  private ObjectNode parsed;
  private Schema schema;

  JsonLinesRecordReader(Path file) throws IOException {
    this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  @Override
  boolean next() {
    try {
      String l;
      do {
        l = in.readLine();
        line++;
      } while (l != null && l.isBlank());
      if (l == null) {
        return false;
      }
      if (number == 0 && l.charAt(0) == '\uFEFF') {
        l = l.substring(1);
      }
      raw = l;
      parsed = null;
      number++;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
