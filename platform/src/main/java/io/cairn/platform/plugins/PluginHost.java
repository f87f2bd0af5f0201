package io.cairn.platform.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, starts, stops and unloads unpacked plugins in PF4J and creates their extensions. Every failure
 * leaves the plugin unloaded (its class loader closed) and is thrown as a {@link PluginException} naming the
 * cause. Not thread-safe: {@link PluginService} calls it under its lock.
 */
final class PluginHost {
  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

  private final CairnPluginManager pf4j;

  PluginHost(Path pluginsRoot) {
    this.pf4j = new CairnPluginManager(pluginsRoot);
  }

  boolean isLoaded(String pluginId) {
    return pf4j.getPlugin(pluginId) != null;
  }

  /** Loads an unpacked plugin without starting it. */
  void load(String pluginId, Path dir) {
    String loaded;
    try {
      loaded = pf4j.loadPlugin(dir);
    } catch (RuntimeException | LinkageError e) {
      throw PluginException.refused("plugin '" + pluginId + "' cannot be loaded: " + PluginException.describe(e), e);
    }
    if (!loaded.equals(pluginId)) {
      unload(loaded);
      throw PluginException.badZip("the folder " + dir + " holds plugin '" + loaded + "', not '" + pluginId + "'");
    }
    PluginWrapper w = pf4j.getPlugin(pluginId);
    if (w.getPluginState() == PluginState.DISABLED) {
      unload(pluginId);
      throw PluginException.badZip("PF4J refused plugin '" + pluginId + "' (plugin.requires "
          + w.getDescriptor().getRequires() + ", host " + pf4j.getSystemVersion() + ")");
    }
  }

  /** Loads and starts an unpacked plugin and creates its extensions. */
  List<LoadedExtension> start(String pluginId, Path dir) {
    load(pluginId, dir);
    return startLoaded(pluginId);
  }

  /** Starts a loaded plugin ({@code Plugin.start()} with the plugin's context class loader) and creates its extensions. */
  List<LoadedExtension> startLoaded(String pluginId) {
    PluginWrapper w = pf4j.getPlugin(pluginId);
    AllowListClassLoader loader = (AllowListClassLoader) w.getPluginClassLoader();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      PluginState state = pf4j.startPlugin(pluginId);
      if (state != PluginState.STARTED) {
        Throwable cause = w.getFailedException();
        String why = cause == null ? "it ended in state " + state : PluginException.describe(cause);
        throw PluginException.refused("plugin '" + pluginId + "' failed to start: " + why, cause);
      }
      return PluginExtensions.create(pluginId, loader);
    } catch (RuntimeException | LinkageError e) {
      unload(pluginId);
      if (e instanceof PluginException pe) {
        throw pe;
      }
      throw PluginException.refused("plugin '" + pluginId + "' failed to start: " + PluginException.describe(e), e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Stops a started plugin ({@code Plugin.stop()}); it stays loaded. Failures of its stop are logged. */
  void stop(String pluginId) {
    PluginWrapper w = pf4j.getPlugin(pluginId);
    if (w == null || w.getPluginState() != PluginState.STARTED) {
      return;
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(w.getPluginClassLoader());
    try {
      pf4j.stopPlugin(pluginId);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("plugin '{}' failed to stop cleanly: {}", pluginId, PluginException.describe(e));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Stops (when started) and unloads a plugin, closing its class loader; does nothing when not loaded. */
  void unload(String pluginId) {
    if (!isLoaded(pluginId)) {
      return;
    }
    stop(pluginId);
    try {
      pf4j.unloadPlugin(pluginId);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("plugin '{}' did not unload cleanly: {}", pluginId, PluginException.describe(e));
    }
  }

  /** Stops and unloads every plugin, the last resolved first. */
  void unloadAll() {
    List<PluginWrapper> plugins = new ArrayList<>(pf4j.getResolvedPlugins());
    for (int i = plugins.size() - 1; i >= 0; i--) {
      unload(plugins.get(i).getPluginId());
    }
  }

  /** The class loader of a loaded plugin, for tests of the class loading rules. */
  ClassLoader classLoader(String pluginId) {
    PluginWrapper w = pf4j.getPlugin(pluginId);
    return w == null ? null : w.getPluginClassLoader();
  }
}
