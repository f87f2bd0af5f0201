package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The top-level fields of an event that validation, stamping and consent read, by {@link Field}: a whole event's
 * tree ({@link #of}), or the {@link Shallow} view a batch scan keeps. A field that is not there is null.
 */
@FunctionalInterface
interface EventFields {
  JsonNode get(Field field);

  /** A whole event's fields. */
  static EventFields of(ObjectNode event) {
    return field -> event.get(field.key());
  }

  /**
   * The fields {@link SegmentEvents} and the stamp read. A scan finds a field by its name once ({@link #of}); from
   * then on it is read by constant, without hashing or comparing its name again.
   */
  enum Field {
    TYPE("type"),
    USER_ID("userId"),
    ANONYMOUS_ID("anonymousId"),
    EVENT("event"),
    GROUP_ID("groupId"),
    PREVIOUS_ID("previousId"),
    MESSAGE_ID("messageId"),
    TIMESTAMP("timestamp"),
    PROPERTIES("properties"),
    TRAITS("traits"),
    CONTEXT("context"),
    INTEGRATIONS("integrations");

    private static final Map<String, Field> BY_KEY = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(Field::key, f -> f));
    private final String key;

    Field(String key) {
      this.key = key;
    }

    /** The field's name in an event. */
    String key() {
      return key;
    }

    /** The field of this name, or null for a field nothing reads. */
    static Field of(String name) {
      return BY_KEY.get(name);
    }
  }

  /**
   * The {@link Field}s kept while a batch is scanned (strings, numbers and booleans as they are, objects and arrays
   * as empty stand-ins); every other field of the event is skipped without being decoded. Not thread-safe: one per
   * event.
   */
  final class Shallow implements EventFields {
    private static final int FIELDS = Field.values().length;
    private final JsonNode[] values = new JsonNode[FIELDS];

    void set(Field field, JsonNode value) {
      values[field.ordinal()] = value;
    }

    @Override
    public JsonNode get(Field field) {
      return values[field.ordinal()];
    }
  }
}
