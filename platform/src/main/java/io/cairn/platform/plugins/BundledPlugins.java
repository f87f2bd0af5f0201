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
 * bundled version is newer than the installed one. Problems are logged; they never stop the server.
 */
final class BundledPlugins {
  private static final Logger LOG = LoggerFactory.getLogger(BundledPlugins.class);

  private final PluginService service;
  private final String folder;

  BundledPlugins(PluginService service, String folder) {
    this.service = service;
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

  private void installOrUpgrade(Path zip) throws IOException {
    String name = zip.getFileName().toString();
    PluginArchive.Manifest manifest = PluginArchive.inspect(zip, name, service.maxUnpackedBytes());
    String id = manifest.id();
    Optional<PluginEntry> current = service.find(id);
    if (current.isPresent()) {
      service.markBundledInstalled(id);
      if (!PluginArchive.newer(manifest.version(), current.get().version())) {
        return;
      }
    } else if (service.bundledInstalled().contains(id)) {
      LOG.info("bundled plugin '{}' was uninstalled; not installing it again", id);
      return;
    }
    PluginFiles.Staged staged;
    try (InputStream in = Files.newInputStream(zip)) {
      staged = service.stage(in, name);
    }
    try {
      synchronized (service.lock()) {
        Optional<PluginEntry> now = service.find(id);
        if (now.isEmpty()) {
          service.doInstall(staged, PluginService.SYSTEM);
          service.markBundledInstalled(id);
        } else {
          service.doUpgrade(now.get(), staged, PluginService.SYSTEM);
        }
      }
    } finally {
      service.discard(staged);
    }
  }
}
