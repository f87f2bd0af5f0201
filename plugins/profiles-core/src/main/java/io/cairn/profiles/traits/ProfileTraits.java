package io.cairn.profiles.traits;

import java.util.List;
import java.util.Map;

/**
 * The traits of one profile: the declared aggregates plus {@code r}, {@code f}, {@code m},
 * {@code rfm_segment} and {@code lifecycle} when declared, and the tags that apply.
 *
 * @param definitionVersion the version of the definition that computed them
 */
public record ProfileTraits(String profileId, Map<String, Object> traits, List<String> tags, int definitionVersion) {
  public ProfileTraits {
    traits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(traits));
    tags = List.copyOf(tags);
  }
}
