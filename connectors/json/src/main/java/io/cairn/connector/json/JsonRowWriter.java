package io.cairn.connector.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes rows as JSON objects named by the schema's columns (see {@link JsonMessages#toJson}), reusing one
 * generator, its buffer and the encoded column names of the last schema from row to row. Not thread-safe: one
 * instance per writing thread.
 */
public final class JsonRowWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
  private JsonGenerator generator;
  private Schema schema;
  private SerializedString[] names;
  private boolean[] json;

  public JsonRowWriter() {
    generator = generator();
  }

  private JsonGenerator generator() {
    try {
      JsonGenerator g = JsonMessages.MAPPER.createGenerator(out);
      g.setRootValueSeparator(null);
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A row as a JSON object: numbers and booleans as JSON numbers and booleans, dates and instants as ISO text, a
   * JSON column embedded as JSON, nulls as null.
   */
  public byte[] write(Schema s, Row row) {
    if (s != schema) {
      use(s);
    }
    JsonGenerator g = generator;
    boolean written = false;
    try {
      g.writeStartObject();
      for (int i = 0; i < names.length; i++) {
        g.writeFieldName(names[i]);
        boolean embedded = json[i];
        switch (row.get(i)) {
          case null -> g.writeNull();
          case String v when embedded -> g.writeTree(JsonMessages.embedded(v));
          case String v -> g.writeString(v);
          case Long l -> g.writeNumber(l);
          case Integer n -> g.writeNumber(n);
          case Double d -> g.writeNumber(d);
          case BigDecimal d -> g.writeNumber(d);
          case Boolean b -> g.writeBoolean(b);
          case Object v -> g.writeString(v.toString());
        }
      }
      g.writeEndObject();
      g.flush();
      written = true;
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("a row did not serialize as JSON", e);
    } finally {
      out.reset();
      if (!written) {
        generator = generator(); // the failed row left the generator inside its object
      }
    }
  }

  private void use(Schema s) {
    names = new SerializedString[s.size()];
    json = new boolean[s.size()];
    for (int i = 0; i < names.length; i++) {
      Column c = s.column(i);
      names[i] = new SerializedString(c.name());
      json[i] = c.type() == ColumnType.JSON;
    }
    schema = s;
  }
}
