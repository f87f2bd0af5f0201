package io.cairn.connector.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * Writes one JSON object per line: numbers and booleans as JSON numbers and booleans, dates and instants as
 * ISO strings, JSON columns as nested JSON (as a string when the text is not valid JSON), null as null.
 */
final class JsonLinesRecordWriter implements RecordWriter {
  @Override
  public void write(Batch batch, boolean header, OutputStream out) throws IOException {
    Schema schema = batch.schema();
    try (JsonGenerator gen = JsonSupport.MAPPER.getFactory().createGenerator(out)) {
      gen.setRootValueSeparator(null);
      gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      for (Row row : batch.rows()) {
        gen.writeStartObject();
        for (int i = 0; i < schema.size(); i++) {
          gen.writeFieldName(schema.column(i).name());
          writeValue(gen, row.get(i), schema.column(i).type());
        }
        gen.writeEndObject();
        gen.writeRaw('\n');
      }
    }
  }

  private static void writeValue(JsonGenerator gen, Object value, ColumnType type) throws IOException {
    switch (value) {
      case null -> gen.writeNull();
      case String s when type == ColumnType.JSON -> writeJson(gen, s);
      case Long l -> gen.writeNumber(l);
      case Integer n -> gen.writeNumber(n);
      case BigDecimal d -> gen.writeNumber(d);
      case Double d when Double.isFinite(d) -> gen.writeNumber(d);
      case Boolean b -> gen.writeBoolean(b);
      default -> gen.writeString(value.toString());
    }
  }

  private static void writeJson(JsonGenerator gen, String text) throws IOException {
    try {
      gen.writeTree(JsonSupport.MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      gen.writeString(text);
    }
  }
}
