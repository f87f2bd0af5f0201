package io.cairn.bench.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reads the {@code id} of a benchmark event without building the whole object: the parser stops at the id. */
final class EventIds {
  private static final JsonFactory FACTORY = new JsonFactory();

  private EventIds() {}

  /** The top-level {@code id} number of a JSON object, or -1 when the value is not such an object. */
  static long id(byte[] value) {
    if (value == null) {
      return -1;
    }
    try (JsonParser p = FACTORY.createParser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return -1;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        JsonToken v = p.nextToken();
        if ("id".equals(p.currentName())) {
          return v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
        }
        p.skipChildren();
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
