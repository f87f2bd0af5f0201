package io.cairn.platform.plugins;

import io.cairn.catalog.PluginEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin zips shipped with Cairn (config {@code bundledPlugins}): each is installed when its plugin was
 * never installed from the bundle (an admin who uninstalled it keeps it uninstalled), and upgraded when the
 * bundled version is newer than the installed one (or is the same {@code -SNAPSHOT} version rebuilt). Problems are logged; they never stop the server.
 */
final class BundledPlugins {
  private static final Logger LOG = LoggerFactory.getLogger(BundledPlugins.class);

  private final PluginService service;
  private final PluginFiles files;
  private final String folder;

  BundledPlugins(PluginService service, PluginFiles files, String folder) {
    this.service = service;
    this.files = files;
    this.folder = folder;
  }

  void installOrUpgrade() {
    List<Path> zips;
    try (Stream<Path> list = Files.list(Path.of(folder))) {
      zips = list.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
    } catch (IOException | InvalidPathException e) {
      LOG.warn("no bundled plugin installed: cannot list the folder '{}' (bundledPlugins): {}", folder, e.toString());
      return;
    }
    for (Path zip : zips) {
      try {
        installOrUpgrade(zip);
      } catch (PluginException | IOException | UncheckedIOException e) {
        LOG.error("bundled plugin {} was not installed: {}", zip.getFileName(), e.getMessage());
      }
    }
  }

  /** A development build of the installed SNAPSHOT version with other content: taken like a newer version. */
  private static boolean rebuiltSnapshot(Path zip, PluginArchive.Manifest manifest, PluginEntry current)
      throws IOException {
    return manifest.version().equals(current.version()) && manifest.version().endsWith("-SNAPSHOT")
        && !PluginFiles.sha256(zip).equals(current.sha256());
  }

  private void installOrUpgrade(Path zip) throws IOException {
    String name = zip.getFileName().toString();
    PluginArchive.Manifest manifest = PluginArchive.inspect(zip, name, files.maxUnpackedBytes());
    String id = manifest.id();
    Optional<PluginEntry> current = service.find(id);
    if (current.isPresent()) {
      files.markBundledInstalled(id);
      if (!PluginArchive.newer(manifest.version(), current.get().version()) && !rebuiltSnapshot(zip, manifest,
          current.get())) {
        return;
      }
    } else if (files.bundledInstalled().contains(id)) {
      LOG.info("bundled plugin '{}' was uninstalled; not installing it again", id);
      return;
    }
    PluginFiles.Staged staged;
    try (InputStream in = Files.newInputStream(zip)) {
      staged = files.stage(in, name);
    }
    try {
      synchronized (service.lock()) {
        Optional<PluginEntry> now = service.find(id);
        if (now.isEmpty()) {
          service.doInstall(staged, PluginService.SYSTEM);
          files.markBundledInstalled(id);
        } else {
          service.doUpgrade(now.get(), staged, PluginService.SYSTEM);
        }
      }
    } finally {
      files.discard(staged);
    }
  }
}
