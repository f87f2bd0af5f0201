package io.cairn.platform.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the schema facet's fields that lineage stored as JSON ({@code [{"name","type"}, ...]}). */
public final class SchemaFields {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaFields() {}

  /** Field name to type (null when the facet gave none), in schema order; empty for null or broken JSON. */
  public static Map<String, String> of(String json) {
    Map<String, String> types = new LinkedHashMap<>();
    if (json == null) {
      return types;
    }
    try {
      for (JsonNode f : JSON.readTree(json)) {
        if (f.hasNonNull("name")) {
          types.put(f.path("name").asText(), f.hasNonNull("type") ? f.path("type").asText() : null);
        }
      }
    } catch (JsonProcessingException e) {
      // a stored schema that is not JSON: nothing to show
    }
    return types;
  }
}
