package io.cairn.platform.plugins;

import io.cairn.spi.CairnSpi;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader with an allow-list towards the host (Trino's {@code SPI_PACKAGES}): the packages in
 * {@link CairnSpi#HOST_PACKAGES} come from the host, so the plugin and the host share the SPI types; the JDK
 * comes from the platform class loader; every other class and resource comes from the plugin's own
 * {@code lib/} or is not found. A plugin therefore never sees the host's Jackson, Jetty or JDBC drivers, and
 * may bundle its own versions of them.
 *
 * <p>Thread-safe, like every {@link ClassLoader}; registered as parallel capable by {@code URLClassLoader}.
 */
final class AllowListClassLoader extends PluginClassLoader {
  /** Packages of the JDK: asked of the platform class loader first, so a plugin cannot shadow them. */
  private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
      "org.w3c.dom.", "org.xml.sax.", "org.ietf.jgss.");
  private static final List<String> HOST_RESOURCES =
      CairnSpi.HOST_PACKAGES.stream().map(p -> p.replace('.', '/')).toList();

  private final ClassLoader host;
  private final String pluginId;

  /**
   * @param host the class loader that loaded the SPI, asked for the allowed packages only
   */
  AllowListClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
    super(manager, descriptor, ClassLoader.getPlatformClassLoader(), ClassLoadingStrategy.PDA);
    this.host = host;
    this.pluginId = descriptor.getPluginId();
  }

  static boolean sharedByHost(String className) {
    for (String prefix : CairnSpi.HOST_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean jdk(String className) {
    for (String prefix : JDK_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hostResource(String name) {
    String n = name.startsWith("/") ? name.substring(1) : name;
    for (String prefix : HOST_RESOURCES) {
      if (n.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Class<?> loadClass(String className) throws ClassNotFoundException {
    if (sharedByHost(className)) {
      return host.loadClass(className);
    }
    synchronized (getClassLoadingLock(className)) {
      Class<?> loaded = findLoadedClass(className);
      if (loaded != null) {
        return loaded;
      }
      if (jdk(className)) {
        try {
          return getParent().loadClass(className);
        } catch (ClassNotFoundException notInJdk) {
          if (className.startsWith("java.")) {
            throw notInJdk;
          }
        }
      }
      try {
        return findClass(className);
      } catch (ClassNotFoundException notInPlugin) {
        throw new ClassNotFoundException(className + " (not in plugin '" + pluginId + "': a plugin sees its own "
            + "lib/*.jar, the JDK and the host packages " + String.join(", ", CairnSpi.HOST_PACKAGES)
            + " only; bundle the library in the plugin's lib/)");
      }
    }
  }

  @Override
  protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
    Class<?> c = loadClass(className);
    if (resolve) {
      resolveClass(c);
    }
    return c;
  }

  @Override
  public URL getResource(String name) {
    if (hostResource(name)) {
      return host.getResource(name);
    }
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (hostResource(name)) {
      return host.getResources(name);
    }
    List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
    urls.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(urls);
  }

  @Override
  public String toString() {
    return "AllowListClassLoader[" + pluginId + "]";
  }
}
