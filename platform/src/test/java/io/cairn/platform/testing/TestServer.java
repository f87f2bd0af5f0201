package io.cairn.platform.testing;

import io.cairn.catalog.Role;
import io.cairn.platform.CairnApplication;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * The whole application ({@code classpath:cairn.yml}) on random ports with its H2 catalog in a given Cairn
 * home, with the users {@code admin} and {@code vera} (viewer), and a small HTTP client for its API.
 */
public final class TestServer {
  public static final String ADMIN_PASSWORD = "admin-password";
  public static final String VIEWER = "vera";
  public static final String VIEWER_PASSWORD = "viewer-password";

  private final DropwizardTestSupport<CairnConfiguration> support;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestServer(DropwizardTestSupport<CairnConfiguration> support) {
    this.support = support;
  }

  /** The bundled connector zips the build copies into target/ (file, jdbc, datagen). */
  public static String bundledPlugins() {
    return Path.of("target", "bundled-plugins").toAbsolutePath().toString();
  }

  /**
   * Profiling on legitimate interest instead of consent (the third default purpose): people the server knows
   * nothing about may then be profiled unless they objected. For tests about profiles, models and segments,
   * whose synthetic customers gave no consent; ConsentAppTest and ProfilesConsentTest cover the gating itself.
   */
  public static ConfigOverride profilingOnLegitimateInterest() {
    return ConfigOverride.config("consent.purposes[2].defaultBasis", "legitimate_interest");
  }

  /** Starts a server on a Cairn home (created or reused); {@code bundled} may be blank. */
  public static TestServer start(Path home, String bundled, ConfigOverride... extra) throws Exception {
    java.util.List<ConfigOverride> own = new java.util.ArrayList<>(java.util.List.of(
        ConfigOverride.config("bundledPlugins", bundled),
        ConfigOverride.config("logging.level", "WARN")));
    own.addAll(java.util.List.of(extra));
    TestServer server = new TestServer(new DropwizardTestSupport<>(CairnApplication.class, "classpath:cairn.yml",
        TestApp.overrides(home, ADMIN_PASSWORD, own.toArray(ConfigOverride[]::new))));
    server.support.before();
    CairnApplication app = server.support.getApplication();
    app.services().userService().ensure(VIEWER, VIEWER_PASSWORD, EnumSet.of(Role.VIEWER));
    return server;
  }

  public void stop() {
    support.after();
  }

  public CairnApplication app() {
    return support.getApplication();
  }

  public String url() {
    return "http://localhost:" + support.getLocalPort();
  }

  public String adminUrl() {
    return "http://localhost:" + support.getAdminPort();
  }

  public static String basic(String user, String password) {
    return TestApp.basic(user, password);
  }

  public static String admin() {
    return basic("admin", ADMIN_PASSWORD);
  }

  public static String viewer() {
    return basic(VIEWER, VIEWER_PASSWORD);
  }

  /** A request to the API (path from the root, e.g. {@code /api/v1/plugins}), with credentials unless null. */
  public HttpRequest.Builder request(String path, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((path.startsWith("/healthcheck") ? adminUrl() : url())
        + path));
    return authorization == null ? b : b.header("Authorization", authorization);
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Deploys a flow as the admin, starts a run and waits up to a minute for it to end.
   *
   * @return the run as {@code GET /api/v1/flows/{id}} shows it ({@code lastRun})
   * @throws IllegalStateException when the deploy or the start is refused
   */
  public com.fasterxml.jackson.databind.JsonNode deployAndRun(String id, String definition) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    HttpResponse<String> deployed = send(request("/api/v1/flows", admin()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("id", id, "definition",
            definition)))));
    if (deployed.statusCode() != 201) {
      throw new IllegalStateException("deploying flow " + id + ": " + deployed.statusCode() + " " + deployed.body());
    }
    HttpResponse<String> started = send(request("/api/v1/flows/" + id + "/run", admin())
        .POST(HttpRequest.BodyPublishers.noBody()));
    if (started.statusCode() != 202) {
      throw new IllegalStateException("starting flow " + id + ": " + started.statusCode() + " " + started.body());
    }
    com.fasterxml.jackson.databind.JsonNode run = null;
    for (int i = 0; i < 600 && (run == null || run.isNull() || run.isMissingNode()
        || run.path("state").asText().equals("RUNNING")); i++) {
      Thread.sleep(100);
      run = json.readTree(send(request("/api/v1/flows/" + id, admin()).GET()).body()).path("lastRun");
    }
    return run;
  }
}
