package io.cairn.platform.plugins;

import com.github.zafarkhaja.semver.Version;
import io.cairn.spi.CairnSpi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.pf4j.DefaultVersionManager;

/**
 * Checks a plugin zip before anything of it is loaded, and unpacks it safely. A plugin zip holds
 * {@code plugin.properties} at its root (id, version, requires) and {@code lib/*.jar}; no entry may point
 * outside the folder it is unpacked into.
 */
final class PluginArchive {
  static final String DESCRIPTOR = "plugin.properties";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  private static final String LAYOUT = "a Cairn plugin zip has plugin.properties (plugin.id, plugin.version, "
      + "plugin.requires) at its root and the plugin's jars in lib/";

  /** What {@code plugin.properties} declares, checked. */
  record Manifest(String id, String version, String requires, String provider, String description) {}

  private PluginArchive() {}

  /**
   * Checks a zip: readable, no entry escaping the plugin folder, a complete {@code plugin.properties} whose
   * {@code plugin.requires} range includes the host's SPI version, and at least one jar in {@code lib/}.
   *
   * @param name the name to use in messages, e.g. the uploaded file name
   * @throws PluginException (400) naming the first problem found
   */
  static Manifest inspect(Path zip, String name, long maxUnpackedBytes) {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      long declared = 0;
      boolean hasJar = false;
      List<String> nestedDescriptors = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> en = file.entries(); en.hasMoreElements();) {
        ZipEntry entry = en.nextElement();
        checkEntryName(entry.getName(), name);
        declared += Math.max(0, entry.getSize());
        String n = entry.getName().replace('\\', '/');
        hasJar |= n.startsWith("lib/") && n.endsWith(".jar") && n.indexOf('/', 4) < 0 && !entry.isDirectory();
        if (n.endsWith("/" + DESCRIPTOR)) {
          nestedDescriptors.add(n);
        }
      }
      if (declared > maxUnpackedBytes) {
        throw PluginException.badZip("'" + name + "' unpacks to " + PluginFiles.size(declared)
            + ", more than the limit of " + PluginFiles.size(maxUnpackedBytes));
      }
      ZipEntry descriptor = file.getEntry(DESCRIPTOR);
      if (descriptor == null) {
        String hint = nestedDescriptors.isEmpty() ? ""
            : " (found '" + nestedDescriptors.get(0) + "': zip the plugin folder's content, not the folder)";
        throw PluginException.badZip("no " + DESCRIPTOR + " at the root of '" + name + "'" + hint + ": " + LAYOUT);
      }
      Properties props = new Properties();
      try (InputStream in = file.getInputStream(descriptor)) {
        props.load(in);
      }
      Manifest manifest = manifest(props, name);
      if (!hasJar) {
        throw PluginException.badZip("'" + name + "' has no lib/*.jar: " + LAYOUT);
      }
      return manifest;
    } catch (ZipException e) {
      throw PluginException.badZip("'" + name + "' is not a readable zip file (" + e.getMessage()
          + "): upload the -plugin.zip that the plugin's build produced");
    } catch (IOException e) {
      throw PluginException.badZip("cannot read '" + name + "' as a zip file: " + e.getMessage());
    }
  }

  /**
   * Unpacks a zip that {@link #inspect} accepted into an empty folder, checking every entry again and the
   * bytes actually written against the limit.
   */
  static void unpack(Path zip, String name, Path dir, long maxUnpackedBytes) {
    long written = 0;
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Files.createDirectories(dir);
      for (Enumeration<? extends ZipEntry> en = file.entries(); en.hasMoreElements();) {
        ZipEntry entry = en.nextElement();
        Path target = checkEntryName(entry.getName(), name, dir);
        if (entry.isDirectory() || target.equals(dir.toAbsolutePath().normalize())) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
          byte[] buf = new byte[64 * 1024];
          for (int n; (n = in.read(buf)) > 0;) {
            written += n;
            if (written > maxUnpackedBytes) {
              throw PluginException.badZip("'" + name + "' unpacks to more than the limit of "
                  + PluginFiles.size(maxUnpackedBytes));
            }
            out.write(buf, 0, n);
          }
        }
      }
    } catch (ZipException e) {
      throw PluginException.badZip("'" + name + "' is damaged: " + e.getMessage());
    } catch (IOException e) {
      throw PluginException.badZip("cannot unpack '" + name + "': " + e.getMessage());
    }
  }

  /** Whether version {@code a} is newer than {@code b}; false when either is not a semantic version. */
  static boolean newer(String a, String b) {
    try {
      return Version.parse(a).compareTo(Version.parse(b)) > 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Manifest manifest(Properties props, String name) {
    String id = required(props, "plugin.id", name);
    if (!ID.matcher(id).matches()) {
      throw PluginException.badZip("plugin.id '" + id + "' in '" + name + "' is not valid: use 1-128 letters, "
          + "digits, '.', '_' or '-', starting with a letter or digit");
    }
    String version = required(props, "plugin.version", name);
    try {
      Version.parse(version);
    } catch (RuntimeException e) {
      throw PluginException.badZip("plugin.version '" + version + "' of plugin '" + id
          + "' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)");
    }
    String requires = required(props, "plugin.requires", name);
    checkRequires(id, requires);
    String dependencies = props.getProperty("plugin.dependencies", "").trim();
    if (!dependencies.isEmpty()) {
      throw PluginException.badZip("plugin '" + id + "' declares plugin.dependencies (" + dependencies
          + "): Cairn plugins are self-contained; bundle the libraries it needs in its lib/");
    }
    return new Manifest(id, version, requires, trimmed(props, "plugin.provider"),
        trimmed(props, "plugin.description"));
  }

  private static void checkRequires(String id, String requires) {
    String range = EXACT_VERSION.matcher(requires).matches() ? ">=" + requires : requires;
    boolean satisfied;
    try {
      satisfied = new DefaultVersionManager().checkVersionConstraint(CairnSpi.VERSION, range);
    } catch (RuntimeException e) {
      throw PluginException.badZip("plugin.requires '" + requires + "' of plugin '" + id
          + "' is not a version range (e.g. >=1.0.0 & <2.0.0): " + e.getMessage());
    }
    if (!satisfied) {
      throw PluginException.badZip("plugin '" + id + "' requires SPI " + requires
          + " but this host implements " + CairnSpi.VERSION);
    }
  }

  private static String required(Properties props, String key, String name) {
    String value = trimmed(props, key);
    if (value == null) {
      throw PluginException.badZip(DESCRIPTOR + " in '" + name + "' has no " + key + ": " + LAYOUT);
    }
    return value;
  }

  private static String trimmed(Properties props, String key) {
    String v = props.getProperty(key);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static void checkEntryName(String entryName, String name) {
    checkEntryName(entryName, name, Path.of("/plugin").toAbsolutePath());
  }

  /** Resolves an entry under {@code dir}, refusing absolute names and names that climb out of it. */
  private static Path checkEntryName(String entryName, String name, Path dir) {
    String n = entryName.replace('\\', '/');
    boolean absolute = n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0;
    Path base = dir.toAbsolutePath().normalize();
    Path target = absolute ? null : base.resolve(n).normalize();
    if (target == null || !target.startsWith(base)) {
      throw PluginException.badZip("'" + name + "' has an entry '" + entryName
          + "' that would be written outside the plugin's folder; refusing the whole zip");
    }
    return target;
  }
}
