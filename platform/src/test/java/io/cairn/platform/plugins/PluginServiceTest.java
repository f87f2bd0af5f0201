package io.cairn.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.PluginRepository;
import io.cairn.catalog.Role;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.spi.config.ConfigType;
import io.cairn.testplugins.BrokenSource;
import io.cairn.testplugins.EchoStep;
import io.cairn.testplugins.FailingPlugin;
import io.cairn.testplugins.GoodSource;
import io.cairn.testplugins.ProbeSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin service on a real H2 catalog in a temporary Cairn home, without the web server. */
class PluginServiceTest {
  static final CairnPrincipal ADMIN = new CairnPrincipal(1, "admin", Set.of(Role.ADMIN));

  @TempDir
  Path home;
  @TempDir
  Path zips;

  private PluginRepository repository;
  private final FakePluginUsers users = new FakePluginUsers();
  private LoadedExtensions registry;
  private PluginService service;

  @BeforeEach
  void start() throws IOException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(CatalogDatabase.h2FileUrl(home));
    ds.setUser("cairn");
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    repository = new PluginRepository(db);
    service = newService("", PluginService.DEFAULT_MAX_ZIP_BYTES);
    service.start();
  }

  @AfterEach
  void stop() {
    service.stop();
  }

  private PluginService newService(String bundled, long maxZipBytes) {
    registry = new LoadedExtensions();
    return new PluginService(repository, registry, users, home.resolve("plugins"), bundled, maxZipBytes);
  }

  private PluginView install(Path zip) throws IOException {
    try (InputStream in = Files.newInputStream(zip)) {
      return service.install(in, zip.getFileName().toString(), ADMIN);
    }
  }

  private PluginView upgrade(String id, Path zip) throws IOException {
    try (InputStream in = Files.newInputStream(zip)) {
      return service.upgrade(id, in, zip.getFileName().toString(), ADMIN);
    }
  }

  private static void refused(ThrowingCallable call, int status, String message) {
    assertThatThrownBy(call).isInstanceOf(PluginException.class).hasMessageContaining(message)
        .satisfies(e -> assertThat(((PluginException) e).status()).isEqualTo(status));
  }

  private List<String> pluginFiles() throws IOException {
    try (Stream<Path> files = Files.list(home.resolve("plugins"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  @Test
  void installRecordsThePluginAndPublishesItsExtensions() throws IOException {
    Path zip = PluginZips.good("1.0.0").writeTo(zips);

    PluginView view = install(zip);

    assertThat(view.id()).isEqualTo("good-plugin");
    assertThat(view.version()).isEqualTo("1.0.0");
    assertThat(view.state()).isEqualTo(PluginView.ENABLED);
    assertThat(view.sha256()).isEqualTo(PluginFiles.sha256(zip));
    assertThat(view.installedBy()).isEqualTo("admin");
    assertThat(view.requires()).isEqualTo(">=1.0.0 & <2.0.0");
    assertThat(view.extensions()).extracting(e -> e.kind() + ":" + e.name()).containsExactly("source:good", "sink:good");
    PluginView.PropertyView path = view.extensions().get(0).properties().get(0);
    assertThat(path).isEqualTo(new PluginView.PropertyView("path", "path", true, null, false, "The file to read", List.of()));
    assertThat(view.extensions().get(0).properties().get(1).choices()).containsExactly("csv", "json");
    assertThat(view.extensions().get(0).properties().get(2).secret()).isTrue();
    assertThat(repository.find("good-plugin").orElseThrow().extensions()).isEqualTo("source:good,sink:good");

    assertThat(registry.source("good")).get().extracting(s -> s.description()).isEqualTo("Good source, version 1.0.0");
    assertThat(registry.sink("good")).isPresent();
    assertThat(registry.step("good")).isEmpty();
    assertThat(registry.pluginOf("source", "good")).contains("good-plugin");
    assertThat(registry.source("good").orElseThrow().getClass()).isNotSameAs(GoodSource.class);
    assertThat(registry.source("good").orElseThrow().configDef().properties().get(0).type()).isEqualTo(ConfigType.PATH);
    assertThat(service.list()).extracting(PluginView::id).containsExactly("good-plugin");
    assertThat(pluginFiles()).hasSize(2).allMatch(n -> n.startsWith("good-plugin-1.0.0-"));
  }

  @Test
  void badZipsAreRefusedBeforeLoadingAndLeaveNothingBehind() throws IOException {
    install(PluginZips.good("1.0.0").writeTo(zips));
    List<String> before = pluginFiles();

    refused(() -> install(PluginZips.randomBytes(zips)), 400, "'random-plugin.zip' is not a readable zip file");
    refused(() -> install(PluginZips.truncated(zips)), 400, "'truncated-plugin.zip' is not a readable zip file");
    refused(() -> install(PluginZips.good("1.0.0").rawEntry("../evil.txt", "owned").writeTo(zips.resolve("slip"))),
        400, "has an entry '../evil.txt' that would be written outside the plugin's folder");
    refused(() -> install(PluginZips.good("1.0.0").rawEntry("/tmp/cairn-evil.txt", "owned").writeTo(zips.resolve("abs"))),
        400, "has an entry '/tmp/cairn-evil.txt' that would be written outside");
    refused(() -> install(PluginZips.good("1.0.0").withoutDescriptor().writeTo(zips.resolve("nodesc"))),
        400, "no plugin.properties at the root of 'good-plugin-1.0.0-plugin.zip'");
    refused(() -> install(PluginZips.good("1.0.0").requires(null).writeTo(zips.resolve("noreq"))),
        400, "has no plugin.requires");
    refused(() -> install(PluginZips.plugin("future-plugin", "1.0.0").requires(">=2.0.0").extensions(ProbeSource.class)
        .writeTo(zips)), 400, "plugin 'future-plugin' requires SPI >=2.0.0 but this host implements 1.0.0");
    refused(() -> install(PluginZips.plugin("failing-plugin", "1.0.0").pluginClass(FailingPlugin.class)
        .extensions(ProbeSource.class).writeTo(zips)), 400,
        "plugin 'failing-plugin' failed to start: IllegalStateException: cannot reach the fixture database");
    refused(() -> install(PluginZips.plugin("broken-plugin", "1.0.0").extensions(BrokenSource.class).writeTo(zips)),
        400, "plugin 'broken-plugin': extension io.cairn.testplugins.BrokenSource failed to instantiate: "
            + "IllegalStateException: broken on purpose");
    refused(() -> install(PluginZips.plugin("empty-plugin", "1.0.0").writeTo(zips)), 400,
        "plugin 'empty-plugin' contributes no connector or step");
    refused(() -> install(PluginZips.plugin("copycat", "1.0.0").extensions(GoodSource.class).writeTo(zips)), 409,
        "contributes source:good, which plugin 'good-plugin' already contributes");
    refused(() -> install(PluginZips.good("1.0.0").writeTo(zips.resolve("again"))), 409,
        "plugin 'good-plugin' is already installed (version 1.0.0): upgrade it instead");

    assertThat(Files.exists(home.resolve("evil.txt"))).isFalse();
    assertThat(Files.exists(home.resolve("plugins").resolve("evil.txt"))).isFalse();
    assertThat(Files.exists(Path.of("/tmp/cairn-evil.txt"))).isFalse();
    assertThat(pluginFiles()).isEqualTo(before);
    try (Stream<Path> staging = Files.list(home.resolve("plugins/.staging"))) {
      assertThat(staging).isEmpty();
    }
    assertThat(service.list()).extracting(PluginView::id).containsExactly("good-plugin");
    assertThat(registry.list()).extracting(ExtensionInfo::key).containsExactly("sink:good", "source:good");
    assertThat(service.health().problems()).isEmpty();
  }

  @Test
  void aZipOverTheLimitIsRefused() throws IOException {
    service.stop();
    service = newService("", 1024);
    service.start();

    refused(() -> install(PluginZips.good("1.0.0").writeTo(zips)), 413,
        "'good-plugin-1.0.0-plugin.zip' is larger than the limit of 1 KB for a plugin zip");
  }

  @Test
  void disableWithdrawsTheExtensionsAfterStoppingTheFlowsAndEnableBringsThemBack() throws IOException {
    install(PluginZips.good("1.0.0").writeTo(zips));
    users.run("good-plugin", "flow-1");

    assertThat(service.disable("good-plugin").state()).isEqualTo(PluginView.DISABLED);
    assertThat(users.calls).containsExactly("stop good-plugin [flow-1]");
    assertThat(registry.source("good")).isEmpty();
    assertThat(repository.find("good-plugin").orElseThrow().state()).isEqualTo("DISABLED");
    assertThat(service.get("good-plugin").extensions()).extracting(PluginView.ExtensionView::name)
        .containsExactly("good", "good");

    assertThat(service.enable("good-plugin").state()).isEqualTo(PluginView.ENABLED);
    assertThat(registry.source("good")).isPresent();
    assertThat(repository.find("good-plugin").orElseThrow().state()).isEqualTo("ENABLED");
    refused(() -> service.enable("nope"), 404, "no plugin 'nope' is installed");
  }

  @Test
  void upgradeSwapsTheVersionUnderTheFlowsThatUseIt() throws IOException {
    PluginView v1 = install(PluginZips.good("1.0.0").writeTo(zips));
    users.run("good-plugin", "flow-1");

    PluginView v2 = upgrade("good-plugin", PluginZips.good("1.1.0").writeTo(zips));

    assertThat(v2.version()).isEqualTo("1.1.0");
    assertThat(v2.sha256()).isNotEqualTo(v1.sha256());
    assertThat(v2.installedAt()).isEqualTo(v1.installedAt());
    assertThat(registry.source("good").orElseThrow().description()).isEqualTo("Good source, version 1.1.0");
    assertThat(users.calls).containsExactly("stop good-plugin [flow-1]", "restart [flow-1]");
    assertThat(pluginFiles()).hasSize(2).allMatch(n -> n.startsWith("good-plugin-1.1.0-"));
    assertThat(upgrade("good-plugin", PluginZips.good("1.1.0").writeTo(zips.resolve("same"))).updatedAt())
        .as("the same zip again changes nothing").isEqualTo(v2.updatedAt());
  }

  @Test
  void aFailedUpgradeRollsBackToTheOldVersion() throws IOException {
    install(PluginZips.good("1.0.0").writeTo(zips));
    users.run("good-plugin", "flow-1");
    Path failing = PluginZips.good("2.0.0").pluginClass(FailingPlugin.class).writeTo(zips);

    refused(() -> upgrade("good-plugin", failing), 400, "upgrade of plugin 'good-plugin' to 2.0.0 failed: plugin "
        + "'good-plugin' failed to start: IllegalStateException: cannot reach the fixture database; version 1.0.0 runs again");

    assertThat(service.get("good-plugin").version()).isEqualTo("1.0.0");
    assertThat(service.get("good-plugin").state()).isEqualTo(PluginView.ENABLED);
    assertThat(registry.source("good").orElseThrow().description()).isEqualTo("Good source, version 1.0.0");
    assertThat(users.calls).containsExactly("stop good-plugin [flow-1]", "restart [flow-1]");
    assertThat(pluginFiles()).hasSize(2).allMatch(n -> n.startsWith("good-plugin-1.0.0-"));
    refused(() -> upgrade("good-plugin", PluginZips.plugin("other", "1.0.0").extensions(ProbeSource.class).writeTo(zips)),
        400, "holds plugin 'other' (its plugin.id), not 'good-plugin'");
    refused(() -> upgrade("nope", failing), 404, "no plugin 'nope' is installed");
  }

  @Test
  void uninstallRefusesWhileFlowsRunUnlessForced() throws IOException {
    install(PluginZips.good("1.0.0").writeTo(zips));
    users.run("good-plugin", "flow-2");
    users.run("good-plugin", "flow-1");

    refused(() -> service.uninstall("good-plugin", false), 409,
        "plugin 'good-plugin' is used by the running flows flow-1, flow-2: stop them first, or uninstall with force");
    assertThat(registry.source("good")).isPresent();

    service.uninstall("good-plugin", true);

    assertThat(users.calls).containsExactly("stop good-plugin [flow-2, flow-1]");
    assertThat(registry.list()).isEmpty();
    assertThat(service.list()).isEmpty();
    assertThat(repository.find("good-plugin")).isEmpty();
    assertThat(pluginFiles()).isEmpty();
    refused(() -> service.get("good-plugin"), 404, "no plugin 'good-plugin' is installed");
  }

  @Test
  void aRestartRestoresPluginsAndStatesAndReportsTheOnesThatFail() throws IOException {
    install(PluginZips.good("1.0.0").writeTo(zips));
    install(PluginZips.plugin("probe-plugin", "1.0.0").extensions(ProbeSource.class).writeTo(zips));
    PluginView gone = install(PluginZips.plugin("gone-plugin", "1.0.0").extensions(EchoStep.class).writeTo(zips));
    service.disable("probe-plugin");
    service.stop();
    Files.delete(home.resolve("plugins").resolve(gone.fileName()));

    service = newService("", PluginService.DEFAULT_MAX_ZIP_BYTES);
    service.start();

    assertThat(service.list()).extracting(PluginView::id, PluginView::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple("gone-plugin", "FAILED"),
        org.assertj.core.groups.Tuple.tuple("good-plugin", "ENABLED"),
        org.assertj.core.groups.Tuple.tuple("probe-plugin", "DISABLED"));
    assertThat(service.get("gone-plugin").error()).contains("plugin 'gone-plugin' 1.0.0 could not be restored: its zip ")
        .contains("is missing: upgrade the plugin with its zip, or uninstall it");
    assertThat(registry.list()).extracting(ExtensionInfo::key).containsExactly("sink:good", "source:good");
    assertThat(service.health().problems()).hasSize(1);

    assertThat(service.enable("probe-plugin").state()).isEqualTo(PluginView.ENABLED);
    assertThat(registry.source("probe")).isPresent();
    service.disable("gone-plugin");
    assertThat(service.health().problems()).isEmpty();
  }

  @Test
  void bundledPluginsAreInstalledOnceAndUpgradedWhenNewer() throws IOException {
    Path bundled = zips.resolve("bundled");
    PluginZips.good("1.0.0").writeTo(bundled);
    PluginZips.randomBytes(bundled);
    service.stop();
    service = newService(bundled.toString(), PluginService.DEFAULT_MAX_ZIP_BYTES);
    service.start();
    assertThat(service.get("good-plugin").version()).isEqualTo("1.0.0");
    assertThat(service.get("good-plugin").installedBy()).isEqualTo(PluginService.SYSTEM);

    Files.delete(bundled.resolve("good-plugin-1.0.0-plugin.zip"));
    PluginZips.good("1.1.0").writeTo(bundled);
    service.stop();
    service = newService(bundled.toString(), PluginService.DEFAULT_MAX_ZIP_BYTES);
    service.start();
    assertThat(service.get("good-plugin").version()).isEqualTo("1.1.0");
    assertThat(registry.source("good").orElseThrow().description()).isEqualTo("Good source, version 1.1.0");

    service.uninstall("good-plugin", false);
    service.stop();
    service = newService(bundled.toString(), PluginService.DEFAULT_MAX_ZIP_BYTES);
    service.start();
    assertThat(service.list()).as("an uninstalled bundled plugin stays uninstalled").isEmpty();
  }

  @Test
  void aRebuiltBundledSnapshotReplacesTheInstalledOne() throws IOException {
    Path bundled = zips.resolve("snapshots");
    PluginZips.good("1.0.0-SNAPSHOT").writeTo(bundled);
    service.stop();
    service = newService(bundled.toString(), PluginService.DEFAULT_MAX_ZIP_BYTES);
    service.start();
    String first = service.get("good-plugin").sha256();

    PluginZips.good("1.0.0-SNAPSHOT").resource("io/cairn/testplugins/good-description.txt", "Rebuilt").writeTo(bundled);
    service.stop();
    service = newService(bundled.toString(), PluginService.DEFAULT_MAX_ZIP_BYTES);
    service.start();

    assertThat(service.get("good-plugin").sha256()).isNotEqualTo(first);
    assertThat(registry.source("good").orElseThrow().description()).isEqualTo("Rebuilt");
  }

  @Test
  void lookupsStayCheapAndSafeWhilePluginsChange() throws Exception {
    install(PluginZips.good("1.0.0").writeTo(zips));
    java.util.concurrent.atomic.AtomicLong lookups = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread reader = Thread.ofPlatform().start(() -> {
      while (!done.get()) {
        registry.source("good").ifPresent(s -> s.configDef().properties());
        registry.pluginOf("sink", "good");
        lookups.incrementAndGet();
      }
    });
    for (int i = 0; i < 5; i++) {
      service.disable("good-plugin");
      service.enable("good-plugin");
    }
    done.set(true);
    reader.join();
    assertThat(lookups.get()).isPositive();
    assertThat(registry.source("good")).isPresent();
  }
}
