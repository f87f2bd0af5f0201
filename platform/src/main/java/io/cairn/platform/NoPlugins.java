package io.cairn.platform;

import io.cairn.platform.plugins.ExtensionRegistry;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.step.StepFactory;
import java.util.Optional;

/** The registry until the plugin manager is wired: no extensions. */
final class NoPlugins implements ExtensionRegistry {
  @Override
  public Optional<SourceConnector> source(String name) {
    return Optional.empty();
  }

  @Override
  public Optional<SinkConnector> sink(String name) {
    return Optional.empty();
  }

  @Override
  public Optional<StepFactory> step(String name) {
    return Optional.empty();
  }

  @Override
  public Optional<String> pluginOf(String kind, String name) {
    return Optional.empty();
  }
}
