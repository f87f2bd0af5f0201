package io.cairn.platform.plugins;

import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.step.StepFactory;
import java.util.List;

/** Publishes test extensions in a running server's registry, as if a plugin had started with them. */
public final class TestPlugins {
  private TestPlugins() {}

  /** Adds the extensions (sources, sinks, steps) under a plugin id. */
  public static void publish(LoadedExtensions registry, String pluginId, List<Object> extensions) {
    registry.put(pluginId, extensions.stream().map(e -> new LoadedExtension(info(pluginId, e), e)).toList());
  }

  private static ExtensionInfo info(String pluginId, Object e) {
    return switch (e) {
      case SourceConnector s -> new ExtensionInfo(pluginId, ExtensionInfo.SOURCE, s.name(), null,
          s.configDef().properties());
      case SinkConnector s -> new ExtensionInfo(pluginId, ExtensionInfo.SINK, s.name(), null, s.configDef().properties());
      case StepFactory s -> new ExtensionInfo(pluginId, ExtensionInfo.STEP, s.name(), null, s.configDef().properties());
      default -> throw new IllegalArgumentException("not an extension: " + e);
    };
  }
}
