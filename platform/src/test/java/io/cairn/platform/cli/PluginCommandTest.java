package io.cairn.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.CairnApplication;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.plugins.PluginZips;
import io.cairn.platform.testing.TestServer;
import io.cairn.testplugins.ProbeSource;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn plugin ...} against a running test server. */
class PluginCommandTest {
  @TempDir
  static Path home;
  @TempDir
  static Path zips;

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(home, "");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** What one run of the command printed, and whether it failed. */
  record Run(String out, String err, boolean failed) {}

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("CAIRN_URL", server.url());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private static Map<String, String> admin() {
    return env("CAIRN_USER", "admin", "CAIRN_PASSWORD", TestServer.ADMIN_PASSWORD);
  }

  private static Run cairn(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Bootstrap<CairnConfiguration> bootstrap = new Bootstrap<>(new CairnApplication());
    bootstrap.addCommand(new PluginCommand(env, new PrintStream(out, true, StandardCharsets.UTF_8)));
    Optional<Throwable> failure = new Cli(new JarLocation(CairnApplication.class), bootstrap, out, err).run(args);
    return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure.isPresent());
  }

  @Test
  void installListUpgradeDisableEnableRemove() {
    Run install = cairn(admin(), "plugin", "install", PluginZips.good("1.0.0").writeTo(zips).toString());
    assertThat(install.failed()).as(install.err()).isFalse();
    assertThat(install.out()).startsWith("installed good-plugin 1.0.0 (source:good, sink:good), ENABLED, sha256 ");

    Run list = cairn(admin(), "plugin", "list");
    assertThat(list.out()).contains("ID           VERSION  STATE    EXTENSIONS")
        .contains("good-plugin  1.0.0    ENABLED  source:good, sink:good");

    Run upgrade = cairn(admin(), "plugin", "upgrade", PluginZips.good("1.1.0").writeTo(zips).toString());
    assertThat(upgrade.out()).as(upgrade.err()).startsWith("upgraded good-plugin 1.1.0 (source:good, sink:good)");
    assertThat(cairn(admin(), "plugin", "disable", "good-plugin").out()).isEqualTo("disabled good-plugin 1.1.0: DISABLED\n");
    assertThat(cairn(admin(), "plugin", "enable", "good-plugin").out()).isEqualTo("enabled good-plugin 1.1.0: ENABLED\n");
    assertThat(cairn(admin(), "plugin", "remove", "good-plugin", "--force").out()).isEqualTo("removed good-plugin\n");
    assertThat(cairn(admin(), "plugin", "list").out()).doesNotContain("good-plugin");
  }

  @Test
  void aBigUploadShowsItsProgress() {
    Path zip = PluginZips.plugin("big-plugin", "1.0.0").extensions(ProbeSource.class)
        .libJar(PluginZips.jarOf(ObjectMapper.class)).libJar(PluginZips.jarOf(JsonFactory.class))
        .libJar(PluginZips.jarOf(JsonProperty.class)).writeTo(zips);

    Run install = cairn(admin(), "plugin", "install", zip.toString());

    assertThat(install.failed()).as(install.err()).isFalse();
    assertThat(install.out()).contains("uploading big-plugin-1.0.0-plugin.zip: 50%")
        .contains("uploading big-plugin-1.0.0-plugin.zip: 100%").contains("installed big-plugin 1.0.0 (source:probe)");
  }

  @Test
  void anApiTokenWorksLikeAPassword() {
    long adminId = server.app().services().users().find("admin").orElseThrow().id();
    String token = server.app().services().userService().createToken(adminId, "cli-test", null).token();

    Run list = cairn(env("CAIRN_TOKEN", token), "plugin", "list");

    assertThat(list.failed()).as(list.err()).isFalse();
  }

  @Test
  void failuresSayWhatToDo() throws Exception {
    assertThat(cairn(env(), "plugin", "list").err())
        .isEqualTo("error: the server at " + server.url() + " needs credentials: set CAIRN_TOKEN to an API token, or "
            + "CAIRN_USER and CAIRN_PASSWORD\n");
    assertThat(cairn(env("CAIRN_USER", "admin", "CAIRN_PASSWORD", "wrong-password"), "plugin", "list").err())
        .contains("refused the credentials in CAIRN_USER/CAIRN_PASSWORD: check them");
    Path zip = PluginZips.good("1.0.0").writeTo(zips.resolve("viewer"));
    assertThat(cairn(env("CAIRN_USER", TestServer.VIEWER, "CAIRN_PASSWORD", TestServer.VIEWER_PASSWORD),
        "plugin", "install", zip.toString()).err())
        .contains("the credentials in CAIRN_USER/CAIRN_PASSWORD may not do this")
        .contains("of a user with the needed role (admin for plugins)");

    Run bad = cairn(admin(), "plugin", "install", PluginZips.randomBytes(zips).toString());
    assertThat(bad.failed()).isTrue();
    assertThat(bad.err()).startsWith("error: 'random-plugin.zip' is not a readable zip file").contains("(HTTP 400)");
    assertThat(cairn(admin(), "plugin", "install", zips.resolve("nothing.zip").toString()).err())
        .startsWith("error: no file ");
    assertThat(cairn(admin(), "plugin", "enable", "nope").err())
        .isEqualTo("error: no plugin 'nope' is installed (HTTP 404)\n");

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Run noServer = cairn(Map.of("CAIRN_URL", "http://localhost:" + closed), "plugin", "list");
    assertThat(noServer.err()).startsWith("error: no Cairn server at http://localhost:" + closed
        + ": start one with bin/cairn demo or bin/cairn server");
  }
}
