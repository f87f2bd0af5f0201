package io.cairn.platform.flows.camel;

import io.cairn.platform.plugins.ExtensionRegistry;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.step.StepFactory;
import java.util.Optional;
import org.apache.camel.ResolveEndpointFailedException;

/** What a {@code cairn:} endpoint is: a source, a step or a sink. */
enum Role {
  SOURCE("source"),
  STEP("step"),
  SINK("sink");

  final String id;

  Role(String id) {
    this.id = id;
  }

  static Role parse(String uri, String text) {
    for (Role r : values()) {
      if (r.id.equals(text)) {
        return r;
      }
    }
    throw new ResolveEndpointFailedException(uri, "'" + text + "' is not source, step or sink");
  }

  Optional<ConfigDef> configDef(ExtensionRegistry registry, String name) {
    return switch (this) {
      case SOURCE -> registry.source(name).map(SourceConnector::configDef);
      case STEP -> registry.step(name).map(StepFactory::configDef);
      case SINK -> registry.sink(name).map(SinkConnector::configDef);
    };
  }
}
