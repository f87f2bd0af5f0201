package io.cairn.platform.plugins;

import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.step.StepFactory;
import java.util.List;

/**
 * Publishes steps and sources that the host itself provides (such as {@code cairn:step:mask}, which needs the
 * managed masking key and the catalog's token vault that plugins cannot reach, or {@code cairn:source:collector},
 * which reads the collector's write-ahead log) in the extension registry, under the reserved plugin id {@value
 * #HOST_ID}. Routes reach them like plugin extensions; a plugin that contributes one of the same name is refused
 * as a conflict. Each call adds to what earlier calls registered.
 */
public final class HostExtensions {
  /** The plugin id host-provided extensions are listed under. */
  public static final String HOST_ID = "cairn-host";

  private HostExtensions() {}

  /**
   * Registers host steps, beside those registered before (each area of the composition root registers its
   * own); call before the plugin service starts.
   */
  public static void registerSteps(LoadedExtensions registry, List<StepFactory> steps) {
    registry.add(HOST_ID, steps.stream().map(s -> new LoadedExtension(new ExtensionInfo(HOST_ID, ExtensionInfo.STEP,
        s.name(), s.description(), s.configDef().properties()), s)).toList());
  }

  /** Registers the host's sources; call before the plugin service starts. */
  public static void registerSources(LoadedExtensions registry, List<SourceConnector> sources) {
    registry.add(HOST_ID, sources.stream().map(s -> new LoadedExtension(new ExtensionInfo(HOST_ID, ExtensionInfo.SOURCE,
        s.name(), s.description(), s.configDef().properties()), s)).toList());
  }
}
