package io.cairn.bench.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The parts of Cairn's REST API the benchmarks use, over HTTP Basic. Every call blocks; a status the caller did
 * not expect throws {@link ApiFailure} with the server's answer. Thread-safe.
 */
public final class CairnApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String authorization;

  /** The server's address, e.g. {@code http://127.0.0.1:<port>}. */
  public URI base() {
    return base;
  }

  CairnApi(URI base, String user, String password) {
    this.base = base;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** An HTTP answer. */
  public record Reply(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new ApiFailure("the answer is not JSON: " + body, e);
      }
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** An unexpected answer, or none. */
  public static final class ApiFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ApiFailure(String message) {
      super(message);
    }

    ApiFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Deploys a flow ({@code POST /api/v1/flows}); the answer tells whether it was accepted (201/200). */
  public Reply deployFlow(String id, String yaml) {
    return send("POST", "/api/v1/flows", "application/json",
        HttpRequest.BodyPublishers.ofString(toJson(Map.of("id", id, "name", id, "definition", yaml))));
  }

  /**
   * Starts a run of a deployed flow ({@code POST /api/v1/flows/{id}/run}).
   *
   * @return the run's id
   */
  public String runFlow(String flowId) {
    return expect(202, send("POST", "/api/v1/flows/" + flowId + "/run", null,
        HttpRequest.BodyPublishers.noBody())).json().path("id").asText();
  }

  /** Starts a streaming flow ({@code POST /api/v1/flows/{id}/start}). */
  public void startFlow(String flowId) {
    expect(202, send("POST", "/api/v1/flows/" + flowId + "/start", null, HttpRequest.BodyPublishers.noBody()));
  }

  /** Stops a flow's runs ({@code POST /api/v1/flows/{id}/stop}); a flow that is not running is fine. */
  public void stopFlow(String flowId) {
    Reply r = send("POST", "/api/v1/flows/" + flowId + "/stop", null, HttpRequest.BodyPublishers.noBody());
    if (!r.ok() && r.status() != 404 && r.status() != 409) {
      throw failure("POST /api/v1/flows/" + flowId + "/stop", r);
    }
  }

  /** A run and its datasets ({@code GET /api/v1/flows/{id}/runs/{runId}}): {@code {"run": {...}, "datasets": [...]}}. */
  public JsonNode run(String flowId, String runId) {
    return expect(200, send("GET", "/api/v1/flows/" + flowId + "/runs/" + runId, null, null)).json();
  }

  /** Removes a flow; a missing one is fine. */
  public void deleteFlow(String flowId) {
    Reply r = send("DELETE", "/api/v1/flows/" + flowId, null, null);
    if (!r.ok() && r.status() != 404) {
      throw failure("DELETE /api/v1/flows/" + flowId, r);
    }
  }

  /** Creates a collector write key ({@code POST /api/v1/collector/writekeys}); returns the key. */
  public String createWriteKey(String name) {
    return expect(201, send("POST", "/api/v1/collector/writekeys", "application/json",
        HttpRequest.BodyPublishers.ofString(toJson(Map.of("name", name))))).json().path("key").asText();
  }

  /** The installed plugins ({@code GET /api/v1/plugins}). */
  public Reply plugins() {
    return send("GET", "/api/v1/plugins", null, null);
  }

  /** Uploads a plugin zip as the raw body ({@code POST /api/v1/plugins?fileName=}); 201 when installed. */
  public Reply installPlugin(byte[] zip, String fileName) {
    return send("POST", "/api/v1/plugins?fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8),
        "application/zip", HttpRequest.BodyPublishers.ofByteArray(zip));
  }

  /** Removes a plugin ({@code DELETE /api/v1/plugins/{id}}); a plugin that is not installed is fine. */
  public void uninstallPlugin(String pluginId) {
    Reply r = send("DELETE", "/api/v1/plugins/" + pluginId, null, null);
    if (!r.ok() && r.status() != 404) {
      throw failure("DELETE /api/v1/plugins/" + pluginId, r);
    }
  }

  @Override
  public void close() {
    http.close();
  }

  /** Fails unless the answer has the status. */
  public static Reply expect(int status, Reply r) {
    if (r.status() != status) {
      throw new ApiFailure("expected HTTP " + status + ", got " + r.status() + ": " + abbreviate(r.body()));
    }
    return r;
  }

  static ApiFailure failure(String call, Reply r) {
    return new ApiFailure(call + " answered HTTP " + r.status() + ": " + abbreviate(r.body()));
  }

  private Reply send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .timeout(CALL_TIMEOUT)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new ApiFailure(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiFailure(method + " " + path + " was interrupted", e);
    }
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "..." : s;
  }
}
