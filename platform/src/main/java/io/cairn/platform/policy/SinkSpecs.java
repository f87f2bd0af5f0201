package io.cairn.platform.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cairn sinks of a route definition (YAML DSL): each {@code cairn:sink:<name>} endpoint with its
 * configuration, from the URI's query ({@code RAW(...)} and percent-encoding undone) and its
 * {@code parameters} map.
 */
final class SinkSpecs {
  private static final String PREFIX = "cairn:sink:";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One sink endpoint: the connector's name and its configuration. */
  record Sink(String connector, Map<String, String> config) {}

  private SinkSpecs() {}

  /** The sinks, in the order they appear; none when the definition is not YAML. */
  static List<Sink> of(String definition) {
    List<Sink> out = new ArrayList<>();
    try {
      walk(YAML.readTree(definition), out);
    } catch (IOException notYaml) {
      return List.of();
    }
    return out;
  }

  private static void walk(JsonNode node, List<Sink> out) {
    if (node == null) {
      return;
    }
    if (node.isTextual() && node.asText().startsWith(PREFIX)) {
      out.add(sink(node.asText(), null));
    } else if (node.isObject()) {
      JsonNode uri = node.get("uri");
      if (uri != null && uri.isTextual() && uri.asText().startsWith(PREFIX)) {
        out.add(sink(uri.asText(), node.get("parameters")));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getKey().equals("uri") && !f.getKey().equals("parameters")) {
          walk(f.getValue(), out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> walk(n, out));
    }
  }

  private static Sink sink(String uri, JsonNode parameters) {
    String rest = uri.substring(PREFIX.length());
    int q = rest.indexOf('?');
    String name = q < 0 ? rest : rest.substring(0, q);
    Map<String, String> config = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : rest.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          config.put(pair.substring(0, eq), value(pair.substring(eq + 1)));
        }
      }
    }
    if (parameters != null && parameters.isObject()) {
      parameters.fields().forEachRemaining(f -> config.put(f.getKey(), f.getValue().asText()));
    }
    return new Sink(name, config);
  }

  private static String value(String raw) {
    if ((raw.startsWith("RAW(") || raw.startsWith("RAW{")) && raw.length() > 5) {
      return raw.substring(4, raw.length() - 1);
    }
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }
}
