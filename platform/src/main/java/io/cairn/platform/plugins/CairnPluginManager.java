package io.cairn.platform.plugins;

import io.cairn.spi.CairnSpi;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's manager as Cairn uses it: plugins are unpacked folders ({@code plugin.properties} + {@code lib/}),
 * loaded one by one by path (never by scanning), each with an {@link AllowListClassLoader}; the system
 * version is the SPI version; enabled/disabled state lives in the catalog, not in PF4J's status files.
 * Not thread-safe, like PF4J's: {@link PluginService} calls it under its lock.
 */
final class CairnPluginManager extends DefaultPluginManager {

  CairnPluginManager(Path pluginsRoot) {
    super(List.of(pluginsRoot));
    setSystemVersion(CairnSpi.VERSION);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new AllowListPluginLoader(this);
  }

  @Override
  protected PluginStatusProvider createPluginStatusProvider() {
    return new CatalogKeepsState();
  }

  @Override
  protected PluginFactory createPluginFactory() {
    return new StrictPluginFactory();
  }

  /** Loads {@code lib/*.jar} of an unpacked plugin into an {@link AllowListClassLoader}. */
  static final class AllowListPluginLoader extends DefaultPluginLoader {
    AllowListPluginLoader(PluginManager manager) {
      super(manager);
    }

    @Override
    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
      return new AllowListClassLoader(pluginManager, descriptor, CairnSpi.class.getClassLoader());
    }
  }

  /** PF4J's status provider writes enabled.txt/disabled.txt; Cairn keeps the state in the catalog instead. */
  static final class CatalogKeepsState implements PluginStatusProvider {
    @Override
    public boolean isPluginDisabled(String pluginId) {
      return false;
    }

    @Override
    public void disablePlugin(String pluginId) {
      // the catalog records the state
    }

    @Override
    public void enablePlugin(String pluginId) {
      // the catalog records the state
    }
  }

  /**
   * Creates the plugin's {@code plugin.class} (PF4J's {@link Plugin} when none is declared) and, unlike PF4J's
   * default factory, throws with the cause instead of logging it and returning null.
   */
  static final class StrictPluginFactory implements PluginFactory {
    @Override
    public Plugin create(PluginWrapper wrapper) {
      String className = wrapper.getDescriptor().getPluginClass();
      Class<?> pluginClass;
      try {
        pluginClass = wrapper.getPluginClassLoader().loadClass(className);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new PluginRuntimeException(e, "plugin.class {} cannot be loaded: {}", className,
            PluginException.describe(e));
      }
      if (!Plugin.class.isAssignableFrom(pluginClass) || Modifier.isAbstract(pluginClass.getModifiers())) {
        throw new PluginRuntimeException("plugin.class {} is not a concrete subclass of org.pf4j.Plugin", className);
      }
      try {
        try {
          return (Plugin) pluginClass.getConstructor(PluginWrapper.class).newInstance(wrapper);
        } catch (NoSuchMethodException noWrapperConstructor) {
          return (Plugin) pluginClass.getConstructor().newInstance();
        }
      } catch (InvocationTargetException e) {
        throw new PluginRuntimeException(e.getCause(), "the constructor of {} failed: {}", className,
            PluginException.describe(e.getCause()));
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new PluginRuntimeException(e, "cannot create {}: {}", className, PluginException.describe(e));
      }
    }
  }
}
