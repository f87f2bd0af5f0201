package io.cairn.connector.testkit;

import io.cairn.spi.CairnSpi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * A built plugin zip loaded through PF4J as the host loads it: unpacked into a plugins folder, checked
 * against the host's SPI version, started, its extensions found through {@code META-INF/extensions.idx}.
 * Not thread-safe; close it to stop and unload the plugin.
 */
public final class PluginZip implements AutoCloseable {
  /** The system property failsafe sets to the module's {@code -plugin.zip}. */
  public static final String ZIP_PROPERTY = "cairn.plugin.zip";

  private final PluginManager manager;
  private final PluginWrapper plugin;

  private PluginZip(PluginManager manager, PluginWrapper plugin) {
    this.manager = manager;
    this.plugin = plugin;
  }

  /** The zip named by {@link #ZIP_PROPERTY}; fails when the property is unset or the file is missing. */
  public static Path builtZip() {
    String value = System.getProperty(ZIP_PROPERTY);
    if (value == null || !Files.isRegularFile(Path.of(value))) {
      throw new IllegalStateException("no plugin zip at " + ZIP_PROPERTY + "=" + value + " (run 'mvn verify')");
    }
    return Path.of(value);
  }

  /** The names of the entries of a zip, in order. */
  public static List<String> entries(Path zip) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.stream().map(ZipEntry::getName).toList();
    }
  }

  /**
   * Copies the zip into {@code pluginsRoot}, loads and starts it.
   *
   * @throws IllegalStateException when PF4J did not start the plugin, with its failure as the cause
   */
  public static PluginZip load(Path zip, Path pluginsRoot) throws IOException {
    Files.createDirectories(pluginsRoot);
    Files.copy(zip, pluginsRoot.resolve(zip.getFileName()));
    DefaultPluginManager manager = new DefaultPluginManager(pluginsRoot);
    manager.setSystemVersion(CairnSpi.VERSION);
    manager.loadPlugins();
    manager.startPlugins();
    List<PluginWrapper> plugins = manager.getPlugins();
    if (plugins.size() != 1 || plugins.get(0).getPluginState() != PluginState.STARTED) {
      Throwable cause = plugins.isEmpty() ? null : plugins.get(0).getFailedException();
      throw new IllegalStateException("plugin from " + zip.getFileName() + " did not start: " + plugins, cause);
    }
    return new PluginZip(manager, plugins.get(0));
  }

  /** The loaded plugin. */
  public PluginWrapper plugin() {
    return plugin;
  }

  /** The plugin's extensions of the given extension point, created in the plugin's class loader. */
  public <T> List<T> extensions(Class<T> type) {
    return manager.getExtensions(type, plugin.getPluginId());
  }

  @Override
  public void close() {
    // unloadPlugin stops the plugin first (PF4J 3.15's stopPlugins() trips over its own list)
    manager.unloadPlugin(plugin.getPluginId());
  }
}
