package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.platform.collector.EventFields.Field;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Segment's event rules: what each type must carry, and the stamp the collector adds (messageId when missing,
 * receivedAt, the client's IP and user agent in {@code context}, the write key's id; the write key itself is
 * removed). Stateless.
 */
final class SegmentEvents {
  static final Set<String> TYPES = Set.of("identify", "track", "page", "screen", "group", "alias");
  private static final int MAX_ID_LENGTH = 256;
  /** The ids a tree's validation turns into strings when they are numbers. */
  private static final List<String> IDS = List.of("userId", "anonymousId", "messageId");
  private static final Set<String> OBJECTS = Set.of("properties", "traits", "context", "integrations");
  /** {@link #OBJECTS} as fields, in the set's iteration order (the order they are checked in). */
  private static final Field[] OBJECT_FIELDS = OBJECTS.stream().map(Field::of).toArray(Field[]::new);

  private SegmentEvents() {}

  /**
   * Checks one event (and sets its type, and turns numeric ids into strings, when it passes); {@code type} is the
   * endpoint's type for single events, null in a batch.
   *
   * @param index the event's index in its batch: errors name it {@code batch[index]} (a single event: {@code the
   *     event}); the name is only built for an error
   */
  static void validate(ObjectNode event, String type, int index) throws CollectorException {
    if (type != null) {
      event.put("type", type);
    }
    check(EventFields.of(event), type, index);
    for (String id : IDS) {
      if (event.get(id) instanceof JsonNode v && v.isNumber()) {
        event.put(id, v.asText());
      }
    }
  }

  /**
   * Checks an event's fields as {@link #validate} does, without changing anything: a batch scan checks its shallow
   * view of an event with it ({@link EventFields.Shallow}), so both give the same verdicts.
   */
  static void check(EventFields event, String type, int index) throws CollectorException {
    String t = ParsedBody.text(event.get(Field.TYPE));
    if (t == null || !TYPES.contains(t)) {
      throw CollectorException.badRequest(where(type, index) + ": \"type\" must be one of identify, track, page, "
          + "screen, group, alias" + (t == null ? "" : " (not '" + t + "')"));
    }
    String userId = id(event, Field.USER_ID, type, index);
    String anonymousId = id(event, Field.ANONYMOUS_ID, type, index);
    if (userId == null && anonymousId == null) {
      throw CollectorException.badRequest(where(type, index) + ": a " + t
          + " event needs a \"userId\" or an \"anonymousId\"");
    }
    switch (t) {
      case "track" -> {
        String name = ParsedBody.text(event.get(Field.EVENT));
        if (name == null || name.isBlank()) {
          throw CollectorException.badRequest(where(type, index) + ": a track event needs an \"event\" name");
        }
      }
      case "group" -> require(event, Field.GROUP_ID, t, where(type, index));
      case "alias" -> {
        require(event, Field.PREVIOUS_ID, t, where(type, index));
        require(event, Field.USER_ID, t, where(type, index));
      }
      default -> { }
    }
    for (Field field : OBJECT_FIELDS) {
      JsonNode v = event.get(field);
      if (v != null && !v.isNull() && !v.isObject()) {
        throw CollectorException.badRequest(where(type, index) + ": \"" + field.key() + "\" must be a JSON object");
      }
    }
    JsonNode ts = event.get(Field.TIMESTAMP);
    if (ts != null && !ts.isNull()) {
      if (!isoDateTime(ts.asText())) {
        throw CollectorException.badRequest(where(type, index) + ": \"timestamp\" '" + ts.asText()
            + "' is not an ISO-8601 date-time");
      }
    }
    id(event, Field.MESSAGE_ID, type, index);
  }

  /** How errors name an event: {@code batch[index]}, or {@code the event} for a single one ({@code type} given). */
  static String where(String type, int index) {
    return type == null ? "batch[" + index + "]" : "the event";
  }

  /**
   * Whether the text is an ISO-8601 date-time with an offset; the usual shape ({@code 2026-11-24T10:00:00.123Z})
   * is checked by hand, anything else by {@link OffsetDateTime#parse}.
   */
  static boolean isoDateTime(String s) {
    int n = s.length();
    if (n >= 20 && digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7) && s.charAt(7) == '-' && digits(s, 8, 10)
        && s.charAt(10) == 'T' && digits(s, 11, 13) && s.charAt(13) == ':' && digits(s, 14, 16) && s.charAt(16) == ':'
        && digits(s, 17, 19) && s.charAt(n - 1) == 'Z' && number(s, 5) >= 1 && number(s, 5) <= 12
        && number(s, 8) >= 1 && number(s, 8) <= 31 && number(s, 11) < 24 && number(s, 14) < 60 && number(s, 17) < 61
        && (n == 20 || s.charAt(19) == '.' && n > 21 && digits(s, 20, n - 1))) {
      return true;
    }
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int at) {
    return (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0';
  }

  private static String id(EventFields event, Field field, String type, int index) throws CollectorException {
    JsonNode v = event.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw CollectorException.badRequest(where(type, index) + ": \"" + field.key() + "\" must be a string");
    }
    String s = v.asText();
    if (s.length() > MAX_ID_LENGTH) {
      throw CollectorException.badRequest(where(type, index) + ": \"" + field.key() + "\" is longer than "
          + MAX_ID_LENGTH + " characters");
    }
    return s.isEmpty() ? null : s;
  }

  private static void require(EventFields event, Field field, String type, String where) throws CollectorException {
    String v = ParsedBody.text(event.get(field));
    if (v == null || v.isEmpty()) {
      throw CollectorException.badRequest(where + ": a " + type + " event needs \"" + field.key() + "\"");
    }
  }

  /** Stamps a valid event in place; returns its messageId. */
  static String stamp(ObjectNode event, ObjectNode batchContext, long writeKeyId, RequestMeta meta, String receivedAt) {
    event.remove("writeKey");
    String messageId = ParsedBody.text(event.get("messageId"));
    if (messageId == null || messageId.isEmpty()) {
      messageId = UUID.randomUUID().toString();
      event.put("messageId", messageId);
    }
    ObjectNode context = event.get("context") instanceof ObjectNode c ? c : event.putObject("context");
    if (batchContext != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = batchContext.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!context.has(f.getKey())) {
          context.set(f.getKey(), f.getValue());
        }
      }
    }
    if (!context.hasNonNull("ip") && meta.ip() != null) {
      context.put("ip", meta.ip());
    }
    if (!context.hasNonNull("userAgent") && meta.userAgent() != null) {
      context.put("userAgent", meta.userAgent());
    }
    if (!event.hasNonNull("timestamp")) {
      event.put("timestamp", receivedAt);
    }
    event.put("receivedAt", receivedAt);
    event.put("writeKeyId", writeKeyId);
    return messageId;
  }
}
