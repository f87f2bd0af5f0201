package io.cairn.governance.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens JSON events into their leaf fields, so each field can be classified like a column: nested objects
 * give dotted paths ({@code context.traits.email}), arrays give {@code []} ({@code properties.items[].sku}), and
 * every leaf value of a path across the samples is gathered under it. Nulls are kept as nulls; nested depth is
 * bounded. Stateless and thread-safe.
 */
final class JsonFields {
  static final int MAX_DEPTH = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFields() {}

  /** Whether a text value looks like a JSON object or array (without parsing it). */
  static boolean looksLikeJson(String v) {
    String s = v.strip();
    return s.length() > 1 && (s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}'
        || s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']');
  }

  /**
   * The leaf values of each path across the documents, in the order paths are first seen.
   *
   * @param documents JSON texts (or already parsed {@link JsonNode}s, or maps and lists); ones that do not parse
   *     are skipped
   */
  static Map<String, List<Object>> flatten(List<?> documents) {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (Object d : documents) {
      JsonNode node = parse(d);
      if (node != null && node.isContainerNode()) {
        walk(node, "", out, 0);
      }
    }
    return out;
  }

  private static JsonNode parse(Object d) {
    if (d == null) {
      return null;
    }
    if (d instanceof JsonNode n) {
      return n;
    }
    if (d instanceof Map<?, ?> || d instanceof List<?>) {
      return JSON.valueToTree(d);
    }
    String s = d.toString();
    if (!looksLikeJson(s)) {
      return null;
    }
    try {
      return JSON.readTree(s);
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  private static void walk(JsonNode node, String path, Map<String, List<Object>> out, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> f = it.next();
        walk(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out, depth + 1);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        walk(item, path + "[]", out, depth + 1);
      }
    } else if (!path.isEmpty()) {
      out.computeIfAbsent(path, p -> new java.util.ArrayList<>()).add(node.isNull() ? null
          : node.isTextual() ? node.textValue() : node.asText());
    }
  }
}
