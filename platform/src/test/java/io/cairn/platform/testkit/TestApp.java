package io.cairn.platform.testkit;

import io.cairn.platform.CairnApplication;
import io.cairn.platform.config.CairnConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A real Cairn server on random ports with its own home (H2 catalog), and an HTTP client for it. */
public final class TestApp {
  public static final String ADMIN_PASSWORD = "admin-password-1";

  private TestApp() {}

  public static DropwizardAppExtension<CairnConfiguration> create(Path home, ConfigOverride... extra) {
    return new DropwizardAppExtension<>(CairnApplication.class, "classpath:cairn.yml",
        overrides(home, ADMIN_PASSWORD, extra));
  }

  /**
   * What every test server of this module sets: its own home, the first admin's password and random ports for
   * the API and admin connectors; then {@code extra}, which may override them.
   */
  public static ConfigOverride[] overrides(Path home, String adminPassword, ConfigOverride... extra) {
    List<ConfigOverride> overrides = new ArrayList<>(List.of(
        ConfigOverride.config("home", home.toString()),
        ConfigOverride.config("bootstrapAdminPassword", adminPassword),
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0")));
    overrides.addAll(List.of(extra));
    return overrides.toArray(ConfigOverride[]::new);
  }

  public static Path newHome() {
    try {
      return Files.createTempDirectory("cairn-test-home");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request to the API as the given credentials (null: anonymous). */
  public static Invocation.Builder api(DropwizardAppExtension<?> app, String path, String authorization) {
    var b = app.client().target("http://localhost:" + app.getLocalPort() + path).request(MediaType.APPLICATION_JSON);
    return authorization == null ? b : b.header("Authorization", authorization);
  }

  /** An answer, read completely so the connection goes back to the pool. */
  public record Reply(int status, String body, String authenticate) {
    /** The body as JSON. */
    public com.fasterxml.jackson.databind.JsonNode json() {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  /** Sends a request and reads the whole answer. {@code body} null: no body; a String with a type: raw. */
  public static Reply call(DropwizardAppExtension<?> app, String method, String path, String auth, Object body) {
    Entity<?> entity = body == null ? null : body instanceof Entity<?> e ? e : Entity.json(body);
    try (Response r = entity == null ? api(app, path, auth).method(method) : api(app, path, auth).method(method, entity)) {
      return new Reply(r.getStatus(), r.hasEntity() ? r.readEntity(String.class) : "",
          r.getHeaderString("WWW-Authenticate"));
    }
  }

  public static Reply get(DropwizardAppExtension<?> app, String path, String auth) {
    return call(app, "GET", path, auth, null);
  }

  public static Reply post(DropwizardAppExtension<?> app, String path, String auth, Object body) {
    return call(app, "POST", path, auth, body == null ? Entity.json("{}") : body);
  }

  /** Waits up to a minute for a run of the flow to end (not RUNNING); returns the run. */
  public static com.fasterxml.jackson.databind.JsonNode awaitRun(DropwizardAppExtension<?> app, String flow,
      String runId, String auth) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    com.fasterxml.jackson.databind.JsonNode run = null;
    while (System.currentTimeMillis() < deadline) {
      run = get(app, "/api/v1/flows/" + flow + "/runs/" + runId, auth).json().get("run");
      if (!"RUNNING".equals(run.get("state").asText())) {
        return run;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run did not end: " + run);
  }
}
