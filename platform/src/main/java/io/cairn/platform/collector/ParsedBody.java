package io.cairn.platform.collector;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body read as Segment's API has it: one event, or a batch ({@code {"batch": [...], "context": {},
 * "writeKey": "..."}}). Batches are read with a streaming parser so that each event's size in bytes is known
 * without writing it out again.
 *
 * @param events the events, in order
 * @param writeKey the body's {@code writeKey}, or null
 * @param context a batch's shared {@code context}, or null
 */
record ParsedBody(List<ObjectNode> events, String writeKey, ObjectNode context) {
  /** Reads one event. */
  static ParsedBody single(ObjectMapper json, byte[] body) throws CollectorException {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (IOException e) {
      throw CollectorException.badRequest("malformed JSON: " + firstLine(e));
    }
    if (!(node instanceof ObjectNode event)) {
      throw CollectorException.badRequest("the body must be a JSON object (one event)");
    }
    return new ParsedBody(List.of(event), text(event.get("writeKey")), null);
  }

  /** Reads a batch, refusing any event larger than {@code maxEventBytes}. */
  static ParsedBody batch(ObjectMapper json, byte[] body, int maxEventBytes) throws CollectorException {
    try (JsonParser p = json.getFactory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw CollectorException.badRequest("the body must be a JSON object with a \"batch\" array");
      }
      List<ObjectNode> events = null;
      String writeKey = null;
      ObjectNode context = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("batch".equals(field) && value == JsonToken.START_ARRAY) {
          events = events(json, p, maxEventBytes);
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
      return new ParsedBody(events, writeKey, context);
    } catch (IOException e) {
      throw CollectorException.badRequest("malformed JSON: " + firstLine(e));
    }
  }

  private static List<ObjectNode> events(ObjectMapper json, JsonParser p, int maxEventBytes)
      throws IOException, CollectorException {
    List<ObjectNode> events = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long start = p.currentTokenLocation().getByteOffset();
      JsonNode node = json.readTree(p);
      long size = p.currentLocation().getByteOffset() - start;
      if (!(node instanceof ObjectNode event)) {
        throw CollectorException.badRequest("batch[" + events.size() + "] is not a JSON object");
      }
      if (size > maxEventBytes) {
        throw CollectorException.badRequest("batch[" + events.size() + "] is " + size + " bytes; an event may have at most "
            + maxEventBytes + " bytes");
      }
      events.add(event);
    }
    return events;
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
