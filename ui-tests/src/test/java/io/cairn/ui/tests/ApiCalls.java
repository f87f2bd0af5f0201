package io.cairn.ui.tests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * API calls that prepare a journey's data, with patient timeouts: on a busy machine the first deploy of a route
 * that loads a plugin can take longer than the test client's 5 s read timeout.
 */
final class ApiCalls {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiCalls() {}

  static TestApp.Reply get(DropwizardAppExtension<?> app, String path, String auth) {
    return send(app, HttpRequest.newBuilder(uri(app, path)).GET(), auth);
  }

  static TestApp.Reply post(DropwizardAppExtension<?> app, String path, String auth, Object body) {
    try {
      String json = body == null ? "{}" : JSON.writeValueAsString(body);
      return send(app, HttpRequest.newBuilder(uri(app, path)).POST(HttpRequest.BodyPublishers.ofString(json))
          .header("Content-Type", "application/json"), auth);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
    }
  }

  private static URI uri(DropwizardAppExtension<?> app, String path) {
    return URI.create("http://localhost:" + app.getLocalPort() + path);
  }

  private static TestApp.Reply send(DropwizardAppExtension<?> app, HttpRequest.Builder request, String auth) {
    request.timeout(PATIENCE).header("Accept", "application/json").header("Authorization", auth);
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new TestApp.Reply(r.statusCode(), r.body(), r.headers().firstValue("WWW-Authenticate").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException("calling " + request.build().uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
