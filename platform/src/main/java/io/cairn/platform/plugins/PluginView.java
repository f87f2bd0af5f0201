package io.cairn.platform.plugins;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cairn.catalog.PluginEntry;
import io.cairn.spi.config.ConfigProperty;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * An installed plugin as the API shows it.
 *
 * @param state {@code ENABLED} (started, its extensions usable), {@code DISABLED}, or {@code FAILED} (recorded
 *     but could not be loaded or started; {@code error} says why)
 * @param extensions what it contributes; with config descriptors once it has been started in this process,
 *     names only otherwise
 * @param fileName the zip kept in the plugins folder
 */
public record PluginView(String id, String version, String state, String sha256, String provider,
    String description, String requires, List<ExtensionView> extensions, OffsetDateTime installedAt,
    String installedBy, OffsetDateTime updatedAt, String fileName, String error) {
  public static final String ENABLED = "ENABLED";
  public static final String DISABLED = "DISABLED";
  public static final String FAILED = "FAILED";

  /**
   * The view of a recorded plugin in a state; extensions described once started, else named from the record.
   */
  static PluginView of(PluginEntry e, String state, String error, List<ExtensionInfo> described) {
    List<ExtensionView> extensions = described.isEmpty() ? namesOnly(e)
        : described.stream().map(ExtensionView::of).toList();
    return new PluginView(e.pluginId(), e.version(), state, e.sha256(), e.provider(), e.description(),
        e.requires(), extensions, e.installedAt(), e.installedBy(), e.updatedAt(), e.fileName(), error);
  }

  private static List<ExtensionView> namesOnly(PluginEntry e) {
    if (e.extensions() == null || e.extensions().isBlank()) {
      return List.of();
    }
    return Arrays.stream(e.extensions().split(",")).map(String::trim).filter(k -> k.contains(":"))
        .map(k -> new ExtensionView(e.pluginId(), k.substring(0, k.indexOf(':')), k.substring(k.indexOf(':') + 1),
            "", List.of()))
        .toList();
  }

  /** A connector or step and the configuration it declares, from which the UI renders a form. */
  public record ExtensionView(String plugin, String kind, String name, String description,
      List<PropertyView> properties) {
    static ExtensionView of(ExtensionInfo i) {
      return new ExtensionView(i.pluginId(), i.kind(), i.name(), i.description(),
          i.properties().stream().map(PropertyView::of).toList());
    }
  }

  /**
   * One declared configuration property.
   *
   * @param type {@code string}, {@code int}, {@code long}, {@code double}, {@code boolean}, {@code enum},
   *     {@code list} or {@code path}
   * @param choices the allowed values of an {@code enum}
   */
  public record PropertyView(String name, String type, boolean required,
      @JsonProperty("default") String defaultValue, boolean secret, String description, List<String> choices) {
    static PropertyView of(ConfigProperty p) {
      return new PropertyView(p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT), p.required(),
          p.defaultValue(), p.secret(), p.description(), p.choices());
    }
  }
}
