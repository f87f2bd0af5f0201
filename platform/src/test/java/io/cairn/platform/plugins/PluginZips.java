package io.cairn.platform.plugins;

import io.cairn.testplugins.GoodSink;
import io.cairn.testplugins.GoodSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds plugin zips at test time, laid out like the connectors' build makes them: {@code plugin.properties}
 * at the root and {@code lib/plugin.jar} holding fixture classes copied from the test classes, a generated
 * {@code META-INF/extensions.idx} and resources; plus broken zips of every kind.
 */
public final class PluginZips {
  private final String id;
  private final String version;
  private String requires = ">=1.0.0 & <2.0.0";
  private String pluginClass;
  private boolean descriptor = true;
  private final List<Class<?>> extensions = new ArrayList<>();
  private final List<Class<?>> classes = new ArrayList<>();
  private final Map<String, byte[]> resources = new LinkedHashMap<>();
  private final Map<String, byte[]> rawEntries = new LinkedHashMap<>();
  private final List<Path> libJars = new ArrayList<>();

  private PluginZips(String id, String version) {
    this.id = id;
    this.version = version;
  }

  /** A plugin with no extension yet. */
  public static PluginZips plugin(String id, String version) {
    return new PluginZips(id, version);
  }

  /** The good plugin: source {@code good} and sink {@code good}; its source's description names the version. */
  public static PluginZips good(String version) {
    return plugin("good-plugin", version).extensions(GoodSource.class, GoodSink.class)
        .resource("io/cairn/testplugins/good-description.txt", "Good source, version " + version);
  }

  public PluginZips requires(String range) {
    this.requires = range;
    return this;
  }

  public PluginZips pluginClass(Class<?> c) {
    this.pluginClass = c.getName();
    classes.add(c);
    return this;
  }

  /** Classes listed in extensions.idx (and jarred). */
  public PluginZips extensions(Class<?>... cs) {
    extensions.addAll(List.of(cs));
    classes.addAll(List.of(cs));
    return this;
  }

  public PluginZips resource(String path, String content) {
    resources.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** An extra jar copied into lib/, e.g. a library the plugin bundles. */
  public PluginZips libJar(Path jar) {
    libJars.add(jar);
    return this;
  }

  /** An entry written into the zip as is, e.g. {@code ../evil.txt}. */
  public PluginZips rawEntry(String name, String content) {
    rawEntries.put(name, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public PluginZips withoutDescriptor() {
    this.descriptor = false;
    return this;
  }

  /** Writes {@code <id>-<version>-plugin.zip} into a folder. */
  public Path writeTo(Path dir) {
    Path zip = dir.resolve(id + "-" + version + "-plugin.zip");
    try {
      Files.createDirectories(dir);
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
        if (descriptor) {
          put(out, "plugin.properties", properties());
        }
        put(out, "lib/plugin.jar", jar());
        for (Path jar : libJars) {
          put(out, "lib/" + jar.getFileName(), Files.readAllBytes(jar));
        }
        for (Map.Entry<String, byte[]> e : rawEntries.entrySet()) {
          put(out, e.getKey(), e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip;
  }

  private byte[] properties() {
    StringBuilder sb = new StringBuilder()
        .append("plugin.id=").append(id).append('\n')
        .append("plugin.version=").append(version).append('\n')
        .append("plugin.provider=Cairn tests\n")
        .append("plugin.description=Test plugin ").append(id).append(' ').append(version).append('\n');
    if (requires != null) {
      sb.append("plugin.requires=").append(requires).append('\n');
    }
    if (pluginClass != null) {
      sb.append("plugin.class=").append(pluginClass).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] jar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      StringBuilder index = new StringBuilder("# written by PluginZips\n");
      extensions.forEach(c -> index.append(c.getName()).append('\n'));
      put(jar, "META-INF/extensions.idx", index.toString().getBytes(StandardCharsets.UTF_8));
      for (Class<?> c : classes) {
        for (Path file : classFiles(c)) {
          put(jar, c.getPackageName().replace('.', '/') + "/" + file.getFileName(), Files.readAllBytes(file));
        }
      }
      for (Map.Entry<String, byte[]> e : resources.entrySet()) {
        put(jar, e.getKey(), e.getValue());
      }
    }
    return bytes.toByteArray();
  }

  /** The class file of a class and of its nested classes, from the test classes folder. */
  private static List<Path> classFiles(Class<?> c) throws IOException {
    Path dir;
    try {
      dir = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
          .resolve(c.getPackageName().replace('.', '/'));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String simple = c.getSimpleName();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> {
        String n = f.getFileName().toString();
        return n.equals(simple + ".class") || n.startsWith(simple + "$");
      }).toList();
    }
  }

  private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(java.time.LocalDateTime.of(2026, 1, 1, 0, 0));   // the same plugin gives the same bytes
    out.putNextEntry(entry);
    out.write(content);
    out.closeEntry();
  }

  /** A file of random bytes named like a plugin zip. */
  public static Path randomBytes(Path dir) {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    return write(dir.resolve("random-plugin.zip"), bytes);
  }

  /** The first half of a good zip: its central directory is missing. */
  public static Path truncated(Path dir) {
    try {
      byte[] whole = Files.readAllBytes(good("1.0.0").writeTo(dir.resolve("whole")));
      return write(dir.resolve("truncated-plugin.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, byte[] bytes) {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jar a class was loaded from, e.g. to bundle a library of the host's class path in a plugin. */
  public static Path jarOf(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
