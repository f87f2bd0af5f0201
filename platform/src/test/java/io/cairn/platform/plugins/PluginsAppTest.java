package io.cairn.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.testing.TestServer;
import io.cairn.testplugins.EchoStep;
import io.cairn.testplugins.FailingPlugin;
import io.cairn.testplugins.ProbeSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin API of the whole application: uploads, errors, the lifecycle, authorisation, health. */
class PluginsAppTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLUGINS = "/api/v1/plugins";

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

  static HttpResponse<String> upload(TestServer server, String method, String path, Path zip, String auth)
      throws Exception {
    return server.send(server.request(path + "?fileName=" + zip.getFileName(), auth)
        .header("Content-Type", "application/octet-stream")
        .method(method, HttpRequest.BodyPublishers.ofFile(zip)));
  }

  static HttpResponse<String> uploadForm(TestServer server, Path zip) throws Exception {
    return uploadForm(server, "POST", PLUGINS, zip);
  }

  static HttpResponse<String> uploadForm(TestServer server, String method, String path, Path zip) throws Exception {
    String boundary = "cairn-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + zip.getFileName() + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Files.readAllBytes(zip));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return server.send(server.request(path, TestServer.admin())
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  static HttpResponse<String> get(TestServer server, String path) throws Exception {
    return server.send(server.request(path, TestServer.admin()).GET());
  }

  static HttpResponse<String> post(TestServer server, String path) throws Exception {
    return server.send(server.request(path, TestServer.admin()).POST(HttpRequest.BodyPublishers.noBody()));
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  static JsonNode health(TestServer server) throws Exception {
    return json(server.send(server.request("/healthcheck", null).GET())).path("plugins");
  }

  @Test
  void readingNeedsAnyUserAndChangingNeedsAnAdmin() throws Exception {
    Path zip = PluginZips.plugin("auth-plugin", "1.0.0").extensions(EchoStep.class).writeTo(zips);

    assertThat(server.send(server.request(PLUGINS, null).GET()).statusCode()).isEqualTo(401);
    assertThat(upload(server, "POST", PLUGINS, zip, null).statusCode()).isEqualTo(401);
    assertThat(server.send(server.request(PLUGINS, TestServer.viewer()).GET()).statusCode()).isEqualTo(200);
    assertThat(upload(server, "POST", PLUGINS, zip, TestServer.viewer()).statusCode()).isEqualTo(403);
    assertThat(server.send(server.request(PLUGINS + "/auth-plugin", TestServer.viewer()).DELETE()).statusCode())
        .isEqualTo(403);
    assertThat(get(server, PLUGINS + "/auth-plugin").statusCode()).isEqualTo(404);
  }

  @Test
  void everyBadZipAnswers400WithItsReasonAndTheServerStaysHealthy() throws Exception {
    HttpResponse<String> probe = upload(server, "POST", PLUGINS,
        PluginZips.plugin("probe-plugin", "1.0.0").extensions(ProbeSource.class).writeTo(zips), TestServer.admin());
    assertThat(probe.statusCode()).isEqualTo(201);

    assertBadZip(PluginZips.randomBytes(zips), "'random-plugin.zip' is not a readable zip file");
    assertBadZip(PluginZips.truncated(zips), "'truncated-plugin.zip' is not a readable zip file");
    assertBadZip(PluginZips.good("1.0.0").rawEntry("../evil.txt", "x").writeTo(zips.resolve("slip")),
        "has an entry '../evil.txt' that would be written outside the plugin's folder");
    assertBadZip(PluginZips.good("1.0.0").withoutDescriptor().writeTo(zips.resolve("nodesc")),
        "no plugin.properties at the root of 'good-plugin-1.0.0-plugin.zip'");
    assertBadZip(PluginZips.plugin("future-plugin", "1.0.0").requires(">=2.0.0").extensions(EchoStep.class)
        .writeTo(zips), "plugin 'future-plugin' requires SPI >=2.0.0 but this host implements 1.0.0");
    assertBadZip(PluginZips.plugin("failing-plugin", "1.0.0").pluginClass(FailingPlugin.class)
        .extensions(EchoStep.class).writeTo(zips),
        "plugin 'failing-plugin' failed to start: IllegalStateException: cannot reach the fixture database");
    HttpResponse<String> empty = server.send(server.request(PLUGINS, TestServer.admin())
        .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json(empty).path("message").asText()).startsWith("the upload 'the uploaded zip' is empty");

    assertThat(health(server).path("healthy").asBoolean()).isTrue();
    assertThat(json(get(server, PLUGINS + "/probe-plugin")).path("state").asText()).isEqualTo("ENABLED");
    assertThat(server.app().services().extensions().source("probe")).isPresent();
    assertThat(json(get(server, "/api/v1/extensions?kind=source")).findValuesAsText("name")).contains("probe");
  }

  private static void assertBadZip(Path zip, String message) throws Exception {
    HttpResponse<String> raw = upload(server, "POST", PLUGINS, zip, TestServer.admin());
    assertThat(raw.statusCode()).as(raw.body()).isEqualTo(400);
    assertThat(json(raw).path("message").asText()).contains(message);
    HttpResponse<String> form = uploadForm(server, zip);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(400);
    assertThat(json(form).path("message").asText()).contains(message);
  }

  @Test
  void installDisableEnableUpgradeUninstall() throws Exception {
    HttpResponse<String> installed = uploadForm(server, PluginZips.good("1.0.0").writeTo(zips));
    assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
    assertThat(installed.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith(PLUGINS + "/good-plugin"));
    JsonNode v1 = json(installed);
    assertThat(v1.path("version").asText()).isEqualTo("1.0.0");
    assertThat(v1.path("installedBy").asText()).isEqualTo("admin");
    JsonNode format = v1.path("extensions").get(0).path("properties").get(1);
    assertThat(format.path("name").asText()).isEqualTo("format");
    assertThat(format.path("type").asText()).isEqualTo("enum");
    assertThat(format.path("default").asText()).isEqualTo("csv");
    assertThat(format.path("choices").toString()).isEqualTo("[\"csv\",\"json\"]");

    HttpResponse<String> again = upload(server, "POST", PLUGINS, PluginZips.good("1.0.0").writeTo(zips.resolve("2")),
        TestServer.admin());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).path("message").asText()).contains("already installed (version 1.0.0): upgrade it instead");

    assertThat(json(post(server, PLUGINS + "/good-plugin/disable")).path("state").asText()).isEqualTo("DISABLED");
    assertThat(extensionKeys()).doesNotContain("source:good", "sink:good");
    assertThat(json(post(server, PLUGINS + "/good-plugin/enable")).path("state").asText()).isEqualTo("ENABLED");
    assertThat(extensionKeys()).contains("source:good", "sink:good");

    Path v2 = PluginZips.good("1.1.0").writeTo(zips);
    HttpResponse<String> upgraded = upload(server, "PUT", PLUGINS + "/good-plugin", v2, TestServer.admin());
    assertThat(upgraded.statusCode()).as(upgraded.body()).isEqualTo(200);
    assertThat(json(upgraded).path("version").asText()).isEqualTo("1.1.0");
    assertThat(json(upgraded).path("sha256").asText()).isNotEqualTo(v1.path("sha256").asText());
    assertThat(json(get(server, "/api/v1/extensions")).findValuesAsText("description"))
        .contains("Good source, version 1.1.0").doesNotContain("Good source, version 1.0.0");
    HttpResponse<String> same = uploadForm(server, "PUT", PLUGINS + "/good-plugin", v2);
    assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
    assertThat(json(same).path("updatedAt")).isEqualTo(json(upgraded).path("updatedAt"));
    HttpResponse<String> wrong = uploadForm(server, "PUT", PLUGINS + "/good-plugin",
        PluginZips.plugin("other", "1.0.0").extensions(EchoStep.class).writeTo(zips));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(json(wrong).path("message").asText()).contains("holds plugin 'other' (its plugin.id), not 'good-plugin'");

    assertThat(server.send(server.request(PLUGINS + "/good-plugin", TestServer.admin()).DELETE()).statusCode())
        .isEqualTo(204);
    assertThat(get(server, PLUGINS + "/good-plugin").statusCode()).isEqualTo(404);
    assertThat(extensionKeys()).doesNotContain("source:good");
  }

  private static java.util.List<String> extensionKeys() throws Exception {
    java.util.List<String> keys = new java.util.ArrayList<>();
    json(get(server, "/api/v1/extensions")).forEach(e -> keys.add(e.path("kind").asText() + ":" + e.path("name").asText()));
    return keys;
  }

  @Test
  void aRestartRestoresPluginsAndTheirStatesAndAFailedOneTurnsTheHealthCheckRed(@TempDir Path otherHome)
      throws Exception {
    TestServer first = TestServer.start(otherHome, "");
    PluginView good;
    try {
      assertThat(upload(first, "POST", PLUGINS, PluginZips.good("1.0.0").writeTo(zips.resolve("r")), TestServer.admin())
          .statusCode()).isEqualTo(201);
      assertThat(upload(first, "POST", PLUGINS, PluginZips.plugin("echo-plugin", "1.0.0").extensions(EchoStep.class)
          .writeTo(zips.resolve("r")), TestServer.admin()).statusCode()).isEqualTo(201);
      assertThat(post(first, PLUGINS + "/echo-plugin/disable").statusCode()).isEqualTo(200);
      good = first.app().services().plugins().get("good-plugin");
    } finally {
      first.stop();
    }

    TestServer second = TestServer.start(otherHome, "");
    try {
      JsonNode list = json(get(second, PLUGINS));
      assertThat(list.findValuesAsText("id")).containsExactly("echo-plugin", "good-plugin");
      assertThat(list.findValuesAsText("state")).containsExactly("DISABLED", "ENABLED");
      assertThat(second.app().services().extensions().source("good")).isPresent();
      assertThat(second.app().services().extensions().step("echo")).isEmpty();
      assertThat(health(second).path("healthy").asBoolean()).isTrue();
      assertThat(health(second).path("message").asText()).isEqualTo("2 installed: 1 enabled, 1 disabled, 0 failed");
    } finally {
      second.stop();
    }

    Files.delete(otherHome.resolve("plugins").resolve(good.fileName()));
    TestServer third = TestServer.start(otherHome, "");
    try {
      JsonNode failed = json(get(third, PLUGINS + "/good-plugin"));
      assertThat(failed.path("state").asText()).isEqualTo("FAILED");
      assertThat(failed.path("error").asText()).contains("could not be restored: its zip").contains("is missing");
      assertThat(health(third).path("healthy").asBoolean()).isFalse();
      assertThat(health(third).path("message").asText()).contains("1 failed").contains("is missing");
      assertThat(post(third, PLUGINS + "/echo-plugin/enable").statusCode()).isEqualTo(200);
    } finally {
      third.stop();
    }
  }
}
