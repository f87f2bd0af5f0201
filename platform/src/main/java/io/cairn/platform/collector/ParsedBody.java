package io.cairn.platform.collector;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.platform.collector.EventFields.Field;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request body read as Segment's API has it: one event, or a batch ({@code {"batch": [...], "context": {},
 * "writeKey": "..."}}). Batches are read once with a streaming parser: each event's bytes are located in the body
 * (so its size is known and its stamp can be spliced in without writing it out again) and only the top-level
 * fields that validation and the stamp read are kept, as a shallow view ({@link EventFields.Shallow}, see {@link
 * RawEvent}). The parser still reads every token, so malformed JSON anywhere is refused.
 *
 * @param events the events, in order
 * @param writeKey the body's {@code writeKey}, or null
 * @param context a batch's shared {@code context}, or null
 * @param contextFields the fields of a batch's shared {@code context} as they are in the body ({@code "name":
 *     value}), by name
 */
record ParsedBody(List<RawEvent> events, String writeKey, ObjectNode context, Map<String, byte[]> contextFields) {
  /** Top-level fields the stamp sets or removes: an event that has them is stamped as a tree. */
  private static final Set<String> STAMPED = Set.of("writeKey", "receivedAt", "writeKeyId");
  /** The ids that must be strings (or null) for the splice. */
  private static final List<Field> IDS = List.of(Field.USER_ID, Field.ANONYMOUS_ID);
  /**
   * The shallow view's stand-ins for a field's object or array, shared by every event: empty and unmodifiable
   * (their contents are never read, and a write would throw rather than leak into another event).
   */
  private static final ObjectNode OBJECT = new ObjectNode(JsonNodeFactory.instance, Map.of());
  private static final ArrayNode ARRAY = new ArrayNode(JsonNodeFactory.instance, List.of());

  /** Reads one event: the first {@code length} bytes of {@code body}. */
  static ParsedBody single(ObjectMapper json, byte[] body, int length) throws CollectorException {
    JsonNode node;
    try {
      node = json.readTree(body, 0, length);
    } catch (IOException e) {
      throw CollectorException.badRequest("malformed JSON: " + firstLine(e));
    }
    if (!(node instanceof ObjectNode event)) {
      throw CollectorException.badRequest("the body must be a JSON object (one event)");
    }
    return new ParsedBody(List.of(RawEvent.tree(event)), text(event.get("writeKey")), null, Map.of());
  }

  /**
   * Reads a batch (the first {@code length} bytes of {@code body}), refusing any event larger than {@code
   * maxEventBytes}.
   */
  static ParsedBody batch(ObjectMapper json, byte[] body, int length, int maxEventBytes) throws CollectorException {
    try (JsonParser p = json.getFactory().createParser(body, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw CollectorException.badRequest("the body must be a JSON object with a \"batch\" array");
      }
      List<RawEvent> events = null;
      String writeKey = null;
      ObjectNode context = null;
      Map<String, byte[]> contextFields = Map.of();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("batch".equals(field) && value == JsonToken.START_ARRAY) {
          events = events(json, p, body, maxEventBytes);
        } else if ("context".equals(field) && value == JsonToken.START_OBJECT) {
          int start = (int) p.currentTokenLocation().getByteOffset();
          contextFields = fields(p, body);
          context = (ObjectNode) json.readTree(body, start, (int) p.currentTokenLocation().getByteOffset() + 1 - start);
        } else {
          JsonNode node = json.readTree(p);
          if ("writeKey".equals(field)) {
            writeKey = text(node);
          } else if ("context".equals(field) && node instanceof ObjectNode o) {
            context = o;
          }
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw CollectorException.badRequest("malformed JSON: the body does not end after its object");
      }
      if (events == null) {
        throw CollectorException.badRequest("the body needs a \"batch\" array of events");
      }
      return new ParsedBody(events, writeKey, context, contextFields);
    } catch (IOException e) {
      throw CollectorException.badRequest("malformed JSON: " + firstLine(e));
    }
  }

  private static List<RawEvent> events(ObjectMapper json, JsonParser p, byte[] body, int maxEventBytes)
      throws IOException, CollectorException {
    List<RawEvent> events = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        throw CollectorException.badRequest("batch[" + events.size() + "] is not a JSON object");
      }
      RawEvent event = scan(json, p, body, names);
      int size = event.end() - event.start();
      if (size > maxEventBytes) {
        throw CollectorException.badRequest("batch[" + events.size() + "] is " + size + " bytes; an event may have at most "
            + maxEventBytes + " bytes");
      }
      events.add(event);
    }
    return events;
  }

  /** The fields of an object, from after its opening brace to its closing one, as they are in the body. */
  private static Map<String, byte[]> fields(JsonParser p, byte[] body) throws IOException {
    Map<String, byte[]> fields = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      int from = (int) p.currentTokenLocation().getByteOffset();
      p.nextToken();
      p.skipChildren();
      p.finishToken();
      fields.put(name, Arrays.copyOfRange(body, from, (int) p.currentLocation().getByteOffset()));
    }
    return fields;
  }

  /**
   * Reads one event from its opening brace to its closing one, keeping only the fields {@link EventFields.Shallow}
   * holds (other strings are skipped undecoded).
   */
  private static RawEvent scan(ObjectMapper json, JsonParser p, byte[] body, List<String> names) throws IOException {
    int start = (int) p.currentTokenLocation().getByteOffset();
    EventFields.Shallow fields = new EventFields.Shallow();
    boolean splice = true;
    int contextClose = -1;
    List<String> contextKeys = List.of();
    int contextMarks = 0;
    names.clear();
    int seen = 0; // the fields kept so far, as bits of their ordinals
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      Field field = Field.of(name);
      // a duplicate (the last one counts) or a field the stamp sets: the event is read as a tree
      if (field != null ? (seen & 1 << field.ordinal()) != 0 : names.contains(name) || STAMPED.contains(name)) {
        splice = false;
      }
      if (field != null) {
        seen |= 1 << field.ordinal();
      } else {
        names.add(name);
      }
      JsonToken t = p.nextToken();
      JsonNode value;
      if (t == JsonToken.START_OBJECT) {
        if (field == Field.CONTEXT) {
          contextKeys = new ArrayList<>();
          contextMarks = 0;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int mark = EventStamp.mark(key);
            if (p.nextToken() == JsonToken.VALUE_NULL && (mark & (EventStamp.IP | EventStamp.USER_AGENT)) != 0) {
              splice = false;
            }
            contextKeys.add(key);
            contextMarks |= mark;
            p.skipChildren();
          }
          contextClose = (int) p.currentTokenLocation().getByteOffset();
        } else {
          p.skipChildren();
        }
        value = OBJECT;
      } else if (t == JsonToken.START_ARRAY) {
        p.skipChildren();
        value = ARRAY;
      } else if (field == null) {
        continue; // a scalar nothing reads: the parser skips it
      } else if (t == JsonToken.VALUE_STRING) {
        value = JsonNodeFactory.instance.textNode(p.getText());
      } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
        value = JsonNodeFactory.instance.booleanNode(t == JsonToken.VALUE_TRUE);
      } else if (t == JsonToken.VALUE_NULL) {
        value = JsonNodeFactory.instance.nullNode();
      } else {
        value = json.readTree(p); // a number, as the mapper reads it
      }
      if (field != null) {
        fields.set(field, value);
      }
    }
    int end = (int) p.currentTokenLocation().getByteOffset() + 1;
    if (!splice || !spliceable(fields)) {
      JsonNode whole = json.readTree(body, start, end - start);
      return RawEvent.tree((ObjectNode) whole);
    }
    return new RawEvent(start, end, fields, null, contextClose, contextKeys, contextMarks);
  }

  /**
   * Whether the stamp can be spliced into the event's bytes: ids are strings (the tree path turns numbers into
   * strings), a given messageId is not empty and a given timestamp or context is not null (the stamp would
   * replace them).
   */
  private static boolean spliceable(EventFields fields) {
    for (Field id : IDS) {
      JsonNode v = fields.get(id);
      if (v != null && !v.isNull() && !v.isTextual()) {
        return false;
      }
    }
    JsonNode messageId = fields.get(Field.MESSAGE_ID);
    if (messageId != null && (!messageId.isTextual() || messageId.asText().isEmpty())) {
      return false;
    }
    JsonNode timestamp = fields.get(Field.TIMESTAMP);
    JsonNode context = fields.get(Field.CONTEXT);
    return (timestamp == null || !timestamp.isNull()) && (context == null || context.isObject());
  }

  static String text(JsonNode node) {
    return node != null && (node.isTextual() || node.isNumber()) ? node.asText() : null;
  }

  static String firstLine(IOException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
