package io.cairn.platform.flows.camel;

import io.cairn.catalog.OffsetRepository;
import io.cairn.platform.flows.RunLifecycle;
import io.cairn.platform.flows.RunRegistry;
import io.cairn.platform.plugins.ExtensionRegistry;
import io.cairn.spi.config.ConfigDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code cairn} component. Endpoints are created (and their configuration validated against the
 * connector's declaration) when a route is deployed, so a missing connector or bad configuration refuses
 * the deploy.
 */
public final class CairnComponent extends DefaultComponent {
  private final ExtensionRegistry extensions;
  private final RunRegistry runs;
  private final OffsetRepository offsets;
  private final RunLifecycle lifecycle;
  private final int batchSize;

  public CairnComponent(ExtensionRegistry extensions, RunRegistry runs, OffsetRepository offsets,
      RunLifecycle lifecycle, int batchSize) {
    this.extensions = extensions;
    this.runs = runs;
    this.offsets = offsets;
    this.lifecycle = lifecycle;
    this.batchSize = batchSize;
  }

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
    int colon = remaining.indexOf(':');
    if (colon < 0) {
      throw new ResolveEndpointFailedException(uri,
          "use cairn:source:<name>, cairn:step:<name> or cairn:sink:<name>");
    }
    Role role = Role.parse(uri, remaining.substring(0, colon));
    String name = remaining.substring(colon + 1);
    Map<String, String> config = new TreeMap<>();
    parameters.forEach((k, v) -> config.put(k, v == null ? null : String.valueOf(v)));
    parameters.clear();
    ConfigDef def = role.configDef(extensions, name).orElseThrow(() -> new ResolveEndpointFailedException(uri,
        "no " + role.id + " '" + name + "' is installed; install or enable the plugin that provides it"
            + " (see GET /api/v1/plugins)"));
    def.validate(config);
    return new CairnEndpoint(uri, this, role, name, new LinkedHashMap<>(config), def.secretNames());
  }

  @Override
  public boolean useRawUri() {
    return false;
  }

  ExtensionRegistry extensions() {
    return extensions;
  }

  RunRegistry runs() {
    return runs;
  }

  OffsetRepository offsets() {
    return offsets;
  }

  RunLifecycle lifecycle() {
    return lifecycle;
  }

  int batchSize() {
    return batchSize;
  }
}
