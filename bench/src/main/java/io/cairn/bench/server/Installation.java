package io.cairn.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The built server that the benchmarks start: the platform jar (with its {@code lib/} beside it) and the
 * folder of bundled connector zips, both under {@code platform/target} of a Cairn source tree.
 *
 * @param root the source tree
 * @param jar {@code platform/target/cairn-platform-<version>.jar}
 * @param bundledPlugins {@code platform/target/bundled-plugins}
 */
public record Installation(Path root, Path jar, Path bundledPlugins) {

  /**
   * The built server in a source tree.
   *
   * @throws IllegalStateException telling how to build it when it is not built
   */
  public static Installation in(Path root) {
    Path target = root.resolve("platform/target");
    Path jar = platformJar(target).orElseThrow(() -> notBuilt(root, "no platform jar in " + target));
    Path plugins = target.resolve("bundled-plugins");
    if (!Files.isDirectory(plugins) || bundledZip(plugins, "").isEmpty()) {
      throw notBuilt(root, "no bundled plugin zips in " + plugins);
    }
    return new Installation(root, jar, plugins);
  }

  /** The bundled plugin zip whose file name starts with {@code prefix} (e.g. {@code cairn-connector-datagen-}). */
  public Path bundledPlugin(String prefix) {
    return bundledZip(bundledPlugins, prefix).orElseThrow(() -> new IllegalStateException(
        "no " + prefix + "*-plugin.zip in " + bundledPlugins));
  }

  /**
   * The source tree this code runs from: found from the location of these classes
   * ({@code bench/target/classes} or {@code bench/target/cairn-bench-*.jar}), else upwards from the working
   * folder.
   */
  public static Path findRoot() {
    try {
      Path code = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Optional<Path> fromCode = upwardsToTree(code);
      if (fromCode.isPresent()) {
        return fromCode.get();
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall back to the working folder
    }
    return upwardsToTree(Path.of("").toAbsolutePath()).orElseThrow(() -> new IllegalStateException(
        "cannot find the Cairn source tree (a folder with platform/ and bench/) from "
            + Path.of("").toAbsolutePath() + "; pass --root"));
  }

  private static Optional<Path> upwardsToTree(Path from) {
    for (Path p = from.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("platform/pom.xml")) && Files.isDirectory(p.resolve("bench"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> platformJar(Path target) {
    return list(target, "cairn-platform-", ".jar").filter(p -> !p.getFileName().toString().contains("-sources")
        && !p.getFileName().toString().contains("-tests")).findFirst();
  }

  private static Optional<Path> bundledZip(Path folder, String prefix) {
    return list(folder, prefix, "-plugin.zip").findFirst();
  }

  private static Stream<Path> list(Path folder, String prefix, String suffix) {
    if (!Files.isDirectory(folder)) {
      return Stream.empty();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(suffix)).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IllegalStateException notBuilt(Path root, String what) {
    return new IllegalStateException(what + ": build first (cd " + root + " && mvn -B -q -DskipTests install)");
  }
}
