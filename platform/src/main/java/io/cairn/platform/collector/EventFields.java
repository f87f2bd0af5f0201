package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The top-level fields of an event that validation, stamping and consent read, by name: a whole event's tree
 * ({@code tree::get}), or the {@link Shallow} view a batch scan keeps. A field that is not there is null.
 */
@FunctionalInterface
interface EventFields {
  JsonNode get(String name);

  /**
   * The fields {@link SegmentEvents} and the stamp read, kept while a batch is scanned (strings, numbers and
   * booleans as they are, objects and arrays as empty stand-ins); every other field of the event is skipped
   * without being decoded. Not thread-safe: one per event.
   */
  final class Shallow implements EventFields {
    /** The slot of {@code context}. */
    static final int CONTEXT = 10;
    private final JsonNode[] values = new JsonNode[12];

    /** The slot of a field this view keeps, or -1 for one it skips. */
    static int slot(String name) {
      return switch (name) {
        case "type" -> 0;
        case "userId" -> 1;
        case "anonymousId" -> 2;
        case "event" -> 3;
        case "groupId" -> 4;
        case "previousId" -> 5;
        case "messageId" -> 6;
        case "timestamp" -> 7;
        case "properties" -> 8;
        case "traits" -> 9;
        case "context" -> CONTEXT;
        case "integrations" -> 11;
        default -> -1;
      };
    }

    void set(int slot, JsonNode value) {
      values[slot] = value;
    }

    @Override
    public JsonNode get(String name) {
      int slot = slot(name);
      return slot < 0 ? null : values[slot];
    }
  }
}
