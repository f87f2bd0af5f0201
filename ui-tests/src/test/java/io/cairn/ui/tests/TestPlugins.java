package io.cairn.ui.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The connector plugin zips the build copied to target/bundled-plugins (see pom.xml). */
final class TestPlugins {
  static final Path FOLDER = Path.of(System.getProperty("cairn.bundled.plugins", "target/bundled-plugins"));

  private TestPlugins() {}

  /** The zip of a plugin, e.g. {@code connector-jdbc} is in cairn-connector-jdbc-*-plugin.zip. */
  static Path zip(String pluginId) {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(f -> f.getFileName().toString().startsWith("cairn-" + pluginId + "-")).findFirst()
          .orElseThrow(() -> new AssertionError("no zip of " + pluginId + " in " + FOLDER + "; build with mvn"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + FOLDER + "; build with mvn", e);
    }
  }

  /** A new folder with the zips of the given plugins only, for the server's {@code bundledPlugins}. */
  static Path bundled(String... pluginIds) {
    try {
      Path dir = Files.createTempDirectory("cairn-ui-bundled");
      for (String id : pluginIds) {
        Path zip = zip(id);
        Files.copy(zip, dir.resolve(zip.getFileName()));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
