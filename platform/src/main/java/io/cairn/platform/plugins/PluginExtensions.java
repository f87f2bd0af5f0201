package io.cairn.platform.plugins;

import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.step.StepFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the extensions a started plugin declares in the {@code META-INF/extensions.idx} of its jars (what
 * PF4J's annotation processor writes), one instance each, and describes them. Unlike PF4J's extension
 * finder, which logs and skips an extension that fails, every failure here is thrown with its cause so the
 * plugin is refused.
 */
final class PluginExtensions {
  private static final Logger LOG = LoggerFactory.getLogger(PluginExtensions.class);
  static final String INDEX = "META-INF/extensions.idx";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

  private PluginExtensions() {}

  /**
   * @param loader the plugin's class loader; only its own jars are read for the index
   * @throws PluginException (400) when an extension cannot be created or described, or there is none
   */
  static List<LoadedExtension> create(String pluginId, AllowListClassLoader loader) {
    List<LoadedExtension> created = new ArrayList<>();
    for (String className : classNames(pluginId, loader)) {
      Object instance = instantiate(pluginId, className, loader);
      boolean any = false;
      if (instance instanceof SourceConnector s) {
        created.add(describe(pluginId, className, ExtensionInfo.SOURCE, instance, s::name, s::description,
            s::configDef));
        any = true;
      }
      if (instance instanceof SinkConnector s) {
        created.add(describe(pluginId, className, ExtensionInfo.SINK, instance, s::name, s::description,
            s::configDef));
        any = true;
      }
      if (instance instanceof StepFactory s) {
        created.add(describe(pluginId, className, ExtensionInfo.STEP, instance, s::name, s::description,
            s::configDef));
        any = true;
      }
      if (!any) {
        LOG.warn("plugin '{}': {} in {} is none of SourceConnector, SinkConnector, StepFactory; ignored",
            pluginId, className, INDEX);
      }
    }
    if (created.isEmpty()) {
      throw PluginException.badZip("plugin '" + pluginId + "' contributes no connector or step: no lib/*.jar has a "
          + INDEX + " naming one. Build it with PF4J's annotation processor in the compiler's "
          + "annotationProcessorPaths (since JDK 23 javac no longer runs processors found on the classpath)");
    }
    return created;
  }

  private static Set<String> classNames(String pluginId, AllowListClassLoader loader) {
    Set<String> names = new LinkedHashSet<>();
    try {
      for (URL url : Collections.list(loader.findResources(INDEX))) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null;) {
            String name = line.replaceFirst("#.*", "").strip();
            if (!name.isEmpty()) {
              names.add(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw PluginException.refused("plugin '" + pluginId + "': cannot read its " + INDEX + ": " + e.getMessage(), e);
    }
    return names;
  }

  private static Object instantiate(String pluginId, String className, ClassLoader loader) {
    try {
      return Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw failed(pluginId, className, e.getCause());
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      throw failed(pluginId, className, e);
    }
  }

  private static LoadedExtension describe(String pluginId, String className, String kind, Object instance,
      java.util.function.Supplier<String> name, java.util.function.Supplier<String> description,
      java.util.function.Supplier<ConfigDef> configDef) {
    try {
      String n = name.get();
      if (n == null || !NAME.matcher(n).matches()) {
        throw PluginException.badZip("plugin '" + pluginId + "': " + kind + " " + className + " has the name '" + n
            + "'; a name is 1-64 lower-case letters, digits, '_' or '-', starting with a letter");
      }
      ConfigDef def = configDef.get();
      if (def == null) {
        throw PluginException.badZip("plugin '" + pluginId + "': " + kind + " '" + n + "' returns no configDef()");
      }
      return new LoadedExtension(new ExtensionInfo(pluginId, kind, n, description.get(), def.properties()), instance);
    } catch (PluginException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw failed(pluginId, className, e);
    }
  }

  private static PluginException failed(String pluginId, String className, Throwable cause) {
    return PluginException.refused("plugin '" + pluginId + "': extension " + className + " failed to instantiate: "
        + PluginException.describe(cause), cause);
  }
}
