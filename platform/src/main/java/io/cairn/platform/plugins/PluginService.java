package io.cairn.platform.plugins;

import io.cairn.catalog.PluginEntry;
import io.cairn.catalog.PluginRepository;
import io.cairn.platform.auth.CairnPrincipal;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, enables, disables, upgrades and uninstalls plugins while the server runs, and restores them at
 * start. Zips are checked before anything of them is loaded ({@link PluginArchive}); a plugin that fails to
 * load or start is refused and leaves nothing behind; the catalog ({@link PluginRepository}) records what is
 * installed and whether it is enabled.
 *
 * <p>Threading: mutations run one at a time under one lock (uploads are saved and checked before it is
 * taken); {@link #list} and {@link #get} do not wait for them. Extension lookups go to the
 * {@link LoadedExtensions} registry, which never locks. Whatever a plugin does, the methods here throw a
 * {@link PluginException} at worst; the server keeps running.
 */
public final class PluginService implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(PluginService.class);
  /** The default limit for an uploaded plugin zip. */
  public static final long DEFAULT_MAX_ZIP_BYTES = 512L * 1024 * 1024;
  /** Who installs the bundled plugins. */
  static final String SYSTEM = "system";

  private final PluginRepository repository;
  private final LoadedExtensions registry;
  private final PluginUsers users;
  private final PluginFiles files;
  private final PluginHost host;
  private final String bundledPlugins;
  private final Object lock = new Object();
  private final Map<String, Status> status = new ConcurrentHashMap<>();

  /** How a recorded plugin runs in this process. */
  private record Status(String state, String error, List<ExtensionInfo> extensions) {}

  /**
   * @param registry where started plugins publish their extensions
   * @param users the flow runtime, asked to stop and restart the flows that use a plugin being changed
   * @param pluginsRoot {@code <CAIRN_HOME>/plugins}
   * @param bundledPlugins a folder of plugin zips to install at first start and upgrade when newer; blank for none
   * @param maxZipBytes the largest plugin zip accepted
   */
  public PluginService(PluginRepository repository, LoadedExtensions registry, PluginUsers users, Path pluginsRoot,
      String bundledPlugins, long maxZipBytes) {
    this.repository = repository;
    this.registry = registry;
    this.users = users;
    this.files = new PluginFiles(pluginsRoot, maxZipBytes);
    this.host = new PluginHost(files.root());
    this.bundledPlugins = bundledPlugins == null ? "" : bundledPlugins.trim();
  }

  /** Restores the recorded plugins (starting the enabled ones), then installs or upgrades the bundled ones. */
  @Override
  public void start() throws IOException {
    synchronized (lock) {
      files.init();
      for (PluginEntry e : repository.list()) {
        restore(e);
      }
    }
    if (!bundledPlugins.isEmpty()) {
      new BundledPlugins(this, files, bundledPlugins).installOrUpgrade();
    }
  }

  /** Stops and unloads every plugin; the flow runtime has stopped its flows before (it starts after this). */
  @Override
  public void stop() {
    synchronized (lock) {
      registry.clear();
      host.unloadAll();
    }
  }

  /** Every recorded plugin, by id. */
  public List<PluginView> list() {
    return repository.list().stream().map(this::view).toList();
  }

  /** @throws PluginException 404 when no such plugin is installed */
  public PluginView get(String pluginId) {
    return view(entry(pluginId));
  }

  /** Counts for the health check, and the recorded enabled plugins that failed. */
  public record Health(int installed, int enabled, int disabled, int failed, List<String> problems) {}

  public Health health() {
    List<PluginView> all = list();
    Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(PluginView::state, Collectors.counting()));
    List<String> problems = all.stream()
        .filter(v -> PluginView.FAILED.equals(v.state()))
        .filter(v -> repository.find(v.id()).map(e -> PluginView.ENABLED.equals(e.state())).orElse(false))
        .map(PluginView::error)
        .toList();
    return new Health(all.size(), counts.getOrDefault(PluginView.ENABLED, 0L).intValue(),
        counts.getOrDefault(PluginView.DISABLED, 0L).intValue(), counts.getOrDefault(PluginView.FAILED, 0L).intValue(),
        problems);
  }

  /**
   * Installs a plugin zip: checks it, unpacks it, loads and starts it, and records it enabled.
   *
   * @throws PluginException 400 for a bad zip or a plugin that fails to start, 409 when a plugin of that id is
   *     installed, 413 when the zip is too large
   */
  public PluginView install(InputStream zip, String fileName, CairnPrincipal by) {
    PluginFiles.Staged staged = files.stage(zip, displayName(fileName));
    try {
      synchronized (lock) {
        return doInstall(staged, by.username());
      }
    } finally {
      files.discard(staged);
    }
  }

  /**
   * Replaces an installed plugin by the version in a zip with the same plugin id: stops the flows using it,
   * unloads the old version, starts the new one (rolling back to the old one when it fails), restarts the
   * flows. An identical zip changes nothing. The enabled/disabled state is kept.
   */
  public PluginView upgrade(String pluginId, InputStream zip, String fileName, CairnPrincipal by) {
    entry(pluginId);
    PluginFiles.Staged staged = files.stage(zip, displayName(fileName));
    try {
      if (!staged.manifest().id().equals(pluginId)) {
        throw PluginException.badZip("'" + staged.name() + "' holds plugin '" + staged.manifest().id()
            + "' (its plugin.id), not '" + pluginId + "': install it instead, or upload the zip of '" + pluginId + "'");
      }
      synchronized (lock) {
        return doUpgrade(entry(pluginId), staged, by.username());
      }
    } finally {
      files.discard(staged);
    }
  }

  /** Starts a disabled (or failed) plugin and records it enabled. */
  public PluginView enable(String pluginId) {
    synchronized (lock) {
      PluginEntry e = entry(pluginId);
      Status s = status.get(pluginId);
      if (PluginView.ENABLED.equals(e.state()) && s != null && PluginView.ENABLED.equals(s.state())) {
        return view(e);
      }
      List<LoadedExtension> started;
      try {
        if (host.isLoaded(pluginId)) {
          started = host.startLoaded(pluginId);
          activate(pluginId, started);
        } else {
          started = loadRecorded(e, true);
        }
      } catch (RuntimeException | IOException ex) {
        status.put(pluginId, new Status(PluginView.FAILED, ex.getMessage(), List.of()));
        throw ex instanceof PluginException pe ? pe : PluginException.refused(ex.getMessage(), ex);
      }
      repository.setState(pluginId, PluginView.ENABLED);
      status.put(pluginId, new Status(PluginView.ENABLED, null, infos(started)));
      LOG.info("enabled plugin '{}'", pluginId);
      return view(entry(pluginId));
    }
  }

  /** Stops the flows using a plugin, withdraws its extensions, stops it and records it disabled. */
  public PluginView disable(String pluginId) {
    synchronized (lock) {
      entry(pluginId);
      users.stopFlowsUsing(pluginId);
      registry.remove(pluginId);
      host.stop(pluginId);
      repository.setState(pluginId, PluginView.DISABLED);
      Status s = status.get(pluginId);
      status.put(pluginId, new Status(PluginView.DISABLED, null, s == null ? List.of() : s.extensions()));
      LOG.info("disabled plugin '{}'", pluginId);
      return view(entry(pluginId));
    }
  }

  /**
   * Removes a plugin: its extensions, its class loader, its files and its record.
   *
   * @param force stop the running flows that use it; without it, such flows make this fail with 409
   */
  public void uninstall(String pluginId, boolean force) {
    synchronized (lock) {
      PluginEntry e = entry(pluginId);
      Set<String> running = users.runningFlowsUsing(pluginId);
      if (!running.isEmpty() && !force) {
        throw PluginException.conflict("plugin '" + pluginId + "' is used by the running flows "
            + String.join(", ", running.stream().sorted().toList())
            + ": stop them first, or uninstall with force (which stops them)");
      }
      users.stopFlowsUsing(pluginId);
      registry.remove(pluginId);
      host.unload(pluginId);
      repository.delete(pluginId);
      files.delete(e.fileName());
      status.remove(pluginId);
      LOG.info("uninstalled plugin '{}' {}", pluginId, e.version());
    }
  }

  PluginView doInstall(PluginFiles.Staged s, String actor) {
    String id = s.manifest().id();
    Optional<PluginEntry> existing = repository.find(id);
    if (existing.isPresent()) {
      throw PluginException.conflict("plugin '" + id + "' is already installed (version " + existing.get().version()
          + "): upgrade it instead (PUT /api/v1/plugins/" + id + ", or: cairn plugin upgrade <zip>)");
    }
    String fileName = files.place(s);
    try {
      List<LoadedExtension> started = host.start(id, files.dir(fileName));
      registry.checkFree(id, started);
      PluginEntry saved = repository.save(record(s, PluginView.ENABLED, fileName, started, actor));
      activate(id, started);
      status.put(id, new Status(PluginView.ENABLED, null, infos(started)));
      LOG.info("installed plugin '{}' {} ({}) for {}", id, s.manifest().version(), saved.extensions(), actor);
      return view(saved);
    } catch (RuntimeException e) {
      host.unload(id);
      registry.remove(id);
      repository.delete(id);
      files.delete(fileName);
      throw e;
    }
  }

  PluginView doUpgrade(PluginEntry old, PluginFiles.Staged s, String actor) {
    String id = old.pluginId();
    Status current = status.get(id);
    if (old.sha256().equals(s.sha256()) && (current == null || !PluginView.FAILED.equals(current.state()))) {
      return view(old);
    }
    Set<String> stopped = users.stopFlowsUsing(id);
    try {
      registry.remove(id);
      host.unload(id);
      String fileName = files.place(s);
      try {
        List<LoadedExtension> started = host.start(id, files.dir(fileName));
        registry.checkFree(id, started);
        PluginEntry saved = repository.save(record(s, old.state(), fileName, started, actor));
        if (PluginView.ENABLED.equals(old.state())) {
          activate(id, started);
          status.put(id, new Status(PluginView.ENABLED, null, infos(started)));
        } else {
          host.stop(id);
          status.put(id, new Status(PluginView.DISABLED, null, infos(started)));
        }
        if (!fileName.equals(old.fileName())) {
          files.delete(old.fileName());
        }
        LOG.info("upgraded plugin '{}' from {} to {} for {}", id, old.version(), s.manifest().version(), actor);
        return view(saved);
      } catch (RuntimeException e) {
        host.unload(id);
        registry.remove(id);
        if (!fileName.equals(old.fileName())) {
          files.delete(fileName);
        }
        String outcome = rollBack(old);
        throw new PluginException(e instanceof PluginException pe ? pe.status() : 500, "upgrade of plugin '" + id
            + "' to " + s.manifest().version() + " failed: " + e.getMessage() + "; " + outcome, List.of(), e);
      }
    } finally {
      if (!stopped.isEmpty()) {
        users.restartFlows(stopped);
      }
    }
  }

  private String rollBack(PluginEntry old) {
    String id = old.pluginId();
    try {
      if (PluginView.ENABLED.equals(old.state())) {
        List<LoadedExtension> started = host.start(id, files.dir(old.fileName()));
        activate(id, started);
        status.put(id, new Status(PluginView.ENABLED, null, infos(started)));
        return "version " + old.version() + " runs again";
      }
      host.load(id, files.dir(old.fileName()));
      return "version " + old.version() + " stays installed, disabled";
    } catch (RuntimeException e) {
      status.put(id, new Status(PluginView.FAILED, "version " + old.version() + " could not be started again: "
          + e.getMessage(), List.of()));
      return "version " + old.version() + " could not be started again either: " + e.getMessage();
    }
  }

  /** Brings back a recorded plugin at start; a failure is recorded as FAILED and logged, never thrown. */
  private void restore(PluginEntry e) {
    String id = e.pluginId();
    try {
      List<LoadedExtension> started = loadRecorded(e, PluginView.ENABLED.equals(e.state()));
      status.put(id, new Status(e.state(), null, infos(started)));
      LOG.info("restored plugin '{}' {} ({})", id, e.version(), e.state());
    } catch (IOException | RuntimeException | LinkageError ex) {
      host.unload(id);
      registry.remove(id);
      String message = ex instanceof IOException || ex instanceof UncheckedIOException
          ? "cannot read its files: " + ex.getMessage() : ex.getMessage();
      status.put(id, new Status(PluginView.FAILED, "plugin '" + id + "' " + e.version() + " could not be restored: "
          + message, List.of()));
      LOG.error("plugin '{}' could not be restored: {}", id, message);
    }
  }

  /** Loads a recorded plugin from its kept zip, after checking it is the zip recorded; starts it when asked. */
  private List<LoadedExtension> loadRecorded(PluginEntry e, boolean start) throws IOException {
    String id = e.pluginId();
    Path zip = files.zip(e.fileName());
    if (!Files.exists(zip)) {
      throw PluginException.refused("its zip " + zip + " is missing: upgrade the plugin with its zip, or uninstall it",
          null);
    }
    String sha256 = PluginFiles.sha256(zip);
    if (!sha256.equals(e.sha256())) {
      throw PluginException.refused("its zip " + zip + " changed on disk (SHA-256 " + sha256 + ", recorded "
          + e.sha256() + "): upgrade the plugin with the zip you mean, or uninstall it", null);
    }
    PluginArchive.Manifest manifest = PluginArchive.inspect(zip, e.fileName(), files.maxUnpackedBytes());
    if (!manifest.id().equals(id)) {
      throw PluginException.refused("its zip " + zip + " holds plugin '" + manifest.id() + "'", null);
    }
    files.unpackFresh(e.fileName());
    if (!start) {
      host.load(id, files.dir(e.fileName()));
      return List.of();
    }
    List<LoadedExtension> started = host.start(id, files.dir(e.fileName()));
    activate(id, started);
    return started;
  }

  /** Publishes the extensions of a started plugin, unloading it when another plugin has taken one of them. */
  private void activate(String pluginId, List<LoadedExtension> started) {
    try {
      registry.put(pluginId, started);
    } catch (PluginException e) {
      host.unload(pluginId);
      throw e;
    }
  }

  private PluginEntry entry(String pluginId) {
    return repository.find(pluginId).orElseThrow(() -> PluginException.notFound(pluginId));
  }

  private PluginView view(PluginEntry e) {
    Status s = status.get(e.pluginId());
    return s == null ? PluginView.of(e, e.state(), null, List.of()) : PluginView.of(e, s.state(), s.error(), s.extensions());
  }

  private static PluginEntry record(PluginFiles.Staged s, String state, String fileName,
      List<LoadedExtension> started, String actor) {
    PluginArchive.Manifest m = s.manifest();
    String extensions = started.stream().map(x -> x.info().key()).collect(Collectors.joining(","));
    return new PluginEntry(m.id(), m.version(), state, fileName, s.sha256(), m.provider(), m.description(),
        m.requires(), extensions, actor, null, null);
  }

  private static List<ExtensionInfo> infos(List<LoadedExtension> started) {
    return started.stream().map(LoadedExtension::info).toList();
  }

  private static String displayName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return "the uploaded zip";
    }
    String name = fileName.substring(fileName.replace('\\', '/').lastIndexOf('/') + 1);
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  /** The lock of the mutations, for {@link BundledPlugins}. */
  Object lock() {
    return lock;
  }

  Optional<PluginEntry> find(String pluginId) {
    return repository.find(pluginId);
  }
}
