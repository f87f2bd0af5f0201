package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
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
  private static final Set<String> OBJECTS = Set.of("properties", "traits", "context", "integrations");

  private SegmentEvents() {}

  /**
   * Checks one event; {@code type} is the endpoint's type for single events, null in a batch.
   *
   * @param where how the error names the event, e.g. {@code batch[3]} or {@code the event}
   */
  static void validate(ObjectNode event, String type, String where) throws CollectorException {
    if (type != null) {
      event.put("type", type);
    }
    String t = ParsedBody.text(event.get("type"));
    if (t == null || !TYPES.contains(t)) {
      throw CollectorException.badRequest(where + ": \"type\" must be one of identify, track, page, screen, group, "
          + "alias" + (t == null ? "" : " (not '" + t + "')"));
    }
    String userId = id(event, "userId", where);
    String anonymousId = id(event, "anonymousId", where);
    if (userId == null && anonymousId == null) {
      throw CollectorException.badRequest(where + ": a " + t + " event needs a \"userId\" or an \"anonymousId\"");
    }
    switch (t) {
      case "track" -> {
        String name = ParsedBody.text(event.get("event"));
        if (name == null || name.isBlank()) {
          throw CollectorException.badRequest(where + ": a track event needs an \"event\" name");
        }
      }
      case "group" -> require(event, "groupId", t, where);
      case "alias" -> {
        require(event, "previousId", t, where);
        require(event, "userId", t, where);
      }
      default -> { }
    }
    for (String field : OBJECTS) {
      JsonNode v = event.get(field);
      if (v != null && !v.isNull() && !v.isObject()) {
        throw CollectorException.badRequest(where + ": \"" + field + "\" must be a JSON object");
      }
    }
    JsonNode ts = event.get("timestamp");
    if (ts != null && !ts.isNull()) {
      try {
        OffsetDateTime.parse(ts.asText());
      } catch (DateTimeParseException e) {
        throw CollectorException.badRequest(where + ": \"timestamp\" '" + ts.asText() + "' is not an ISO-8601 date-time");
      }
    }
    id(event, "messageId", where);
  }

  private static String id(ObjectNode event, String field, String where) throws CollectorException {
    JsonNode v = event.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw CollectorException.badRequest(where + ": \"" + field + "\" must be a string");
    }
    String s = v.asText();
    if (s.length() > MAX_ID_LENGTH) {
      throw CollectorException.badRequest(where + ": \"" + field + "\" is longer than " + MAX_ID_LENGTH + " characters");
    }
    if (v.isNumber()) {
      event.put(field, s);
    }
    return s.isEmpty() ? null : s;
  }

  private static void require(ObjectNode event, String field, String type, String where) throws CollectorException {
    String v = ParsedBody.text(event.get(field));
    if (v == null || v.isEmpty()) {
      throw CollectorException.badRequest(where + ": a " + type + " event needs \"" + field + "\"");
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
