package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Translates a GA4 Measurement Protocol request ({@code POST /mp/collect?measurement_id=G-X&api_secret=<write
 * key>} with {@code {"client_id", "user_id", "timestamp_micros", "user_properties", "events": [{"name",
 * "params"}]}}) into a Segment batch of track events: {@code client_id} becomes the anonymousId, {@code
 * user_id} the userId, {@code name} the event, {@code params} the properties and the user properties' values
 * {@code context.traits}. Stateless.
 */
final class Ga4Events {
  static final int MAX_EVENTS = 25;

  private Ga4Events() {}

  static byte[] toBatch(ObjectMapper json, byte[] body, int length, String apiSecret, String measurementId)
      throws CollectorException {
    JsonNode root;
    try {
      root = json.readTree(body, 0, length);
    } catch (IOException e) {
      throw CollectorException.badRequest("malformed JSON: " + ParsedBody.firstLine(e));
    }
    if (root == null || !root.isObject()) {
      throw CollectorException.badRequest("the body must be a JSON object with \"client_id\" and \"events\"");
    }
    String clientId = ParsedBody.text(root.get("client_id"));
    String userId = ParsedBody.text(root.get("user_id"));
    if (clientId == null && userId == null) {
      throw CollectorException.badRequest("a Measurement Protocol request needs \"client_id\" or \"user_id\"");
    }
    JsonNode events = root.get("events");
    if (events == null || !events.isArray() || events.isEmpty() || events.size() > MAX_EVENTS) {
      throw CollectorException.badRequest("\"events\" must be an array of 1 to " + MAX_EVENTS + " events");
    }
    ObjectNode out = json.createObjectNode();
    if (apiSecret != null) {
      out.put("writeKey", apiSecret);
    }
    ObjectNode context = out.putObject("context");
    context.putObject("library").put("name", "ga4-measurement-protocol");
    if (measurementId != null) {
      context.put("measurementId", measurementId);
    }
    JsonNode props = root.get("user_properties");
    if (props != null && props.isObject()) {
      ObjectNode traits = context.putObject("traits");
      for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        traits.set(f.getKey(), f.getValue().has("value") ? f.getValue().get("value") : f.getValue());
      }
    }
    String timestamp = root.hasNonNull("timestamp_micros")
        ? Instant.EPOCH.plusNanos(root.get("timestamp_micros").asLong() * 1000).toString() : null;
    ArrayNode batch = out.putArray("batch");
    for (JsonNode e : events) {
      ObjectNode t = batch.addObject().put("type", "track");
      t.set("event", e.get("name"));
      if (e.get("params") != null) {
        t.set("properties", e.get("params"));
      }
      if (clientId != null) {
        t.put("anonymousId", clientId);
      }
      if (userId != null) {
        t.put("userId", userId);
      }
      if (timestamp != null) {
        t.put("timestamp", timestamp);
      }
    }
    try {
      return json.writeValueAsBytes(out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
