package io.cairn.profiles.traits;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a profile (an order, an event) at a time, with named values.
 *
 * @param profileId the profile it belongs to
 * @param at when it happened
 * @param values its fields; null values are left out
 */
public record Fact(String profileId, Instant at, Map<String, Object> values) {
  public Fact {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(at, "at");
    Map<String, Object> v = new HashMap<>();
    values.forEach((k, x) -> {
      if (x != null) {
        v.put(k, x);
      }
    });
    values = Map.copyOf(v);
  }
}
