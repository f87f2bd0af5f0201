package io.cairn.platform.plugins;

import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.step.StepFactory;
import java.util.Optional;

/**
 * The connectors and steps that the started plugins contribute, by the name routes use. Thread-safe; the
 * answer changes as plugins are installed, enabled, disabled, upgraded or removed.
 */
public interface ExtensionRegistry {
  Optional<SourceConnector> source(String name);

  Optional<SinkConnector> sink(String name);

  Optional<StepFactory> step(String name);

  /**
   * The id of the plugin contributing an extension.
   *
   * @param kind {@code source}, {@code sink} or {@code step}
   */
  Optional<String> pluginOf(String kind, String name);

  /**
   * The class loader of the plugin contributing an extension; the runtime makes it the thread's context
   * class loader while it calls the plugin, so libraries that look there (ServiceLoader, JDBC) find the
   * plugin's own classes.
   */
  default Optional<ClassLoader> classLoaderOf(String kind, String name) {
    return Optional.empty();
  }
}
