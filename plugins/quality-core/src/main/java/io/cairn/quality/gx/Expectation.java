package io.cairn.quality.gx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One expectation of a suite as GX writes it.
 *
 * @param type the expectation type, e.g. {@code expect_column_values_to_not_be_null}
 * @param kwargs its arguments, e.g. {@code {"column": "email", "mostly": 0.95}}
 */
public record Expectation(String type, Map<String, Object> kwargs) {
  public Expectation {
    Objects.requireNonNull(type, "type");
    kwargs = kwargs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
  }
}
