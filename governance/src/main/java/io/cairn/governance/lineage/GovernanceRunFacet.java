package io.cairn.governance.lineage;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.openlineage.client.OpenLineage;
import java.net.URI;
import java.util.Map;

/**
 * Cairn's custom run facet {@code cairn_governance}: the governance metrics a run reported other than
 * quality, by metric set and key, e.g. {@code {"consent": {"checked.email_marketing": 120,
 * "dropped.email_marketing.denied": 3}}}. Its schema ships beside the standard facets
 * ({@code CairnGovernanceRunFacet.json}), so the validator checks it like any other.
 */
final class GovernanceRunFacet implements OpenLineage.RunFacet {
  /** The key of the facet in {@code run.facets}. */
  static final String KEY = "cairn_governance";
  static final URI SCHEMA_URL = URI.create("https://github.com/cairn-data/cairn/blob/main/governance/src/main/"
      + "resources/io/cairn/governance/lineage/openlineage/facets/CairnGovernanceRunFacet.json"
      + "#/$defs/CairnGovernanceRunFacet");

  private final URI producer;
  private final Map<String, Object> sets;

  GovernanceRunFacet(URI producer, Map<String, Map<String, Double>> sets) {
    this.producer = producer;
    this.sets = Map.copyOf(sets);
  }

  @Override
  @JsonProperty("_producer")
  public URI get_producer() {
    return producer;
  }

  @Override
  @JsonProperty("_schemaURL")
  public URI get_schemaURL() {
    return SCHEMA_URL;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> getAdditionalProperties() {
    return sets;
  }
}
