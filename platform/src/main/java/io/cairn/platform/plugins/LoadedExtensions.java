package io.cairn.platform.plugins;

import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.step.StepFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ExtensionRegistry} of the started plugins. Lookups read one immutable snapshot through a
 * volatile field: no lock, safe from any thread (flows call them per run). The {@link PluginService} replaces
 * the snapshot when a plugin starts or stops; a flow that already holds an extension keeps it until the
 * plugin service has stopped that flow through {@link PluginUsers}.
 *
 * <p>Created before the plugin service and the flow runtime, so both can receive it in their constructors.
 */
public final class LoadedExtensions implements ExtensionRegistry {
  private static final Comparator<ExtensionInfo> ORDER =
      Comparator.comparing(ExtensionInfo::kind).thenComparing(ExtensionInfo::name);

  /** Extensions by {@code kind:name}. */
  private volatile Map<String, LoadedExtension> byKey = Map.of();

  @Override
  public Optional<SourceConnector> source(String name) {
    return find(ExtensionInfo.SOURCE, name).map(SourceConnector.class::cast);
  }

  @Override
  public Optional<SinkConnector> sink(String name) {
    return find(ExtensionInfo.SINK, name).map(SinkConnector.class::cast);
  }

  @Override
  public Optional<StepFactory> step(String name) {
    return find(ExtensionInfo.STEP, name).map(StepFactory.class::cast);
  }

  @Override
  public Optional<String> pluginOf(String kind, String name) {
    return Optional.ofNullable(byKey.get(kind + ":" + name)).map(e -> e.info().pluginId());
  }

  /**
   * The class loader of the plugin contributing an extension, for flows to set as the thread's context
   * class loader while they call it (libraries such as JDBC drivers and Kafka clients look there).
   */
  @Override
  public Optional<ClassLoader> classLoaderOf(String kind, String name) {
    return Optional.ofNullable(byKey.get(kind + ":" + name)).map(e -> e.instance().getClass().getClassLoader());
  }

  /** Every extension of the started plugins, by kind and name. */
  public List<ExtensionInfo> list() {
    return byKey.values().stream().map(LoadedExtension::info).sorted(ORDER).toList();
  }

  /** The extensions a started plugin contributes; empty when it is not started. */
  public List<ExtensionInfo> ofPlugin(String pluginId) {
    return list().stream().filter(i -> i.pluginId().equals(pluginId)).toList();
  }

  private Optional<Object> find(String kind, String name) {
    LoadedExtension e = name == null ? null : byKey.get(kind + ":" + name);
    return e == null ? Optional.empty() : Optional.of(e.instance());
  }

  /**
   * Checks that no other plugin contributes an extension of the same kind and name.
   *
   * @throws PluginException (409) naming the plugin that already contributes it
   */
  synchronized void checkFree(String pluginId, List<LoadedExtension> extensions) {
    for (LoadedExtension e : extensions) {
      LoadedExtension other = byKey.get(e.info().key());
      if (other != null && !other.info().pluginId().equals(pluginId)) {
        throw PluginException.conflict("plugin '" + pluginId + "' contributes " + e.info().key()
            + ", which plugin '" + other.info().pluginId() + "' already contributes: uninstall or disable one of them");
      }
    }
  }

  /** Publishes the extensions of a plugin that started, replacing what it contributed before. */
  synchronized void put(String pluginId, List<LoadedExtension> extensions) {
    checkFree(pluginId, extensions);
    Map<String, LoadedExtension> next = without(pluginId);
    extensions.forEach(e -> next.put(e.info().key(), e));
    byKey = Map.copyOf(next);
  }

  /** Publishes more extensions of a plugin, keeping what it contributed before. */
  synchronized void add(String pluginId, List<LoadedExtension> extensions) {
    checkFree(pluginId, extensions);
    Map<String, LoadedExtension> next = new HashMap<>(byKey);
    extensions.forEach(e -> next.put(e.info().key(), e));
    byKey = Map.copyOf(next);
  }

  /** Withdraws every extension of a plugin. */
  synchronized void remove(String pluginId) {
    byKey = Map.copyOf(without(pluginId));
  }

  synchronized void clear() {
    byKey = Map.of();
  }

  private Map<String, LoadedExtension> without(String pluginId) {
    Map<String, LoadedExtension> next = new HashMap<>(byKey);
    next.values().removeIf(e -> e.info().pluginId().equals(pluginId));
    return next;
  }
}
