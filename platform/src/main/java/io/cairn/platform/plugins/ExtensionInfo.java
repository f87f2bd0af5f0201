package io.cairn.platform.plugins;

import io.cairn.spi.config.ConfigProperty;
import java.util.List;

/**
 * What a started plugin contributes: one connector or step, described as plain data (no plugin classes), so
 * it can be shown and kept after the plugin is stopped.
 *
 * @param pluginId the plugin contributing it
 * @param kind {@code source}, {@code sink} or {@code step}
 * @param name the name routes use, e.g. {@code file} in {@code cairn:source:file}
 * @param description one sentence for people
 * @param properties the declared configuration, in declaration order
 */
public record ExtensionInfo(String pluginId, String kind, String name, String description,
    List<ConfigProperty> properties) {
  public static final String SOURCE = "source";
  public static final String SINK = "sink";
  public static final String STEP = "step";

  public ExtensionInfo {
    properties = List.copyOf(properties);
    description = description == null ? "" : description;
  }

  /** {@code kind:name}, e.g. {@code source:file}, as recorded in the catalog. */
  public String key() {
    return kind + ":" + name;
  }
}
