package io.cairn.quality.gx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a GX expectation suite from JSON: a suite object with {@code expectations} (GX's
 * {@code ExpectationSuite} file), or a bare list. Each expectation has {@code expectation_type} (or
 * {@code type}, as GX 1.x writes it) and {@code kwargs}.
 */
public final class GxSuite {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GxSuite() {}

  /**
   * Parses a suite.
   *
   * @throws BadExpectationException when the text is not a suite
   */
  public static List<Expectation> parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new BadExpectationException("the suite is not JSON: " + e.getOriginalMessage());
    }
    JsonNode list = root != null && root.isObject() ? root.get("expectations") : root;
    if (list == null || !list.isArray()) {
      throw new BadExpectationException("a suite is a list of expectations or an object with 'expectations'");
    }
    return fromNodes(list);
  }

  /** Expectations from already parsed JSON nodes. */
  public static List<Expectation> fromNodes(Iterable<JsonNode> nodes) {
    List<Expectation> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : nodes) {
      i++;
      JsonNode type = n.has("expectation_type") ? n.get("expectation_type") : n.get("type");
      if (type == null || !type.isTextual()) {
        throw new BadExpectationException("expectation " + i + " has no 'expectation_type'");
      }
      JsonNode kwargs = n.get("kwargs");
      if (kwargs != null && !kwargs.isObject() && !kwargs.isNull()) {
        throw new BadExpectationException("expectation " + i + ": 'kwargs' must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = kwargs == null || kwargs.isNull() ? Map.of() : JSON.convertValue(kwargs, Map.class);
      out.add(new Expectation(type.asText(), map));
    }
    return out;
  }
}
