package io.cairn.governance.policy;

import io.cairn.spi.data.DatasetRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource of the {@code cairn} service-def: a dataset or a column of one, a flow, or a plugin.
 *
 * @param elements resource names to values, e.g. {@code namespace}, {@code dataset}, {@code column}
 */
public record CairnResource(Map<String, String> elements) {
  public static final String NAMESPACE = "namespace";
  public static final String DATASET = "dataset";
  public static final String COLUMN = "column";
  public static final String FLOW = "flow";
  public static final String PLUGIN = "plugin";

  public CairnResource {
    elements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(elements));
  }

  public static CairnResource dataset(DatasetRef ref) {
    return new CairnResource(Map.of(NAMESPACE, ref.namespace(), DATASET, ref.name()));
  }

  public static CairnResource column(DatasetRef ref, String column) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(NAMESPACE, ref.namespace());
    m.put(DATASET, ref.name());
    m.put(COLUMN, column);
    return new CairnResource(m);
  }

  public static CairnResource flow(String flowId) {
    return new CairnResource(Map.of(FLOW, flowId));
  }

  public static CairnResource plugin(String pluginId) {
    return new CairnResource(Map.of(PLUGIN, pluginId));
  }

  @Override
  public String toString() {
    return elements.toString();
  }
}
