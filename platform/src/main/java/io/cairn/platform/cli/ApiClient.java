package io.cairn.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A small client of Cairn's REST API for commands: JSON in and out, and file uploads with progress. The server
 * comes from {@code CAIRN_URL} (default {@value #DEFAULT_URL}); credentials from {@code CAIRN_TOKEN} (an API
 * token, sent as Bearer) or {@code CAIRN_USER} and {@code CAIRN_PASSWORD} (Basic). Every failure is an
 * {@link ApiError} whose message says what went wrong and what to set or do. Thread-safe.
 */
public final class ApiClient {
  public static final String DEFAULT_URL = "http://localhost:8080";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String authorization;
  private final String credentialsSource;
  private final HttpClient http;

  /** Receives how many bytes of an upload were sent, of how many. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (sent, total) -> {};

    void sent(long bytes, long total);
  }

  /** A request that failed, with a message for people; {@code status} is 0 when no answer came. */
  public static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiError(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /**
   * @param base the server, e.g. {@code http://localhost:8080}
   * @param authorization the {@code Authorization} header value, or null to send none
   * @param credentialsSource where the credentials came from, for messages (e.g. {@code CAIRN_TOKEN})
   */
  public ApiClient(URI base, String authorization, String credentialsSource) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.authorization = authorization;
    this.credentialsSource = credentialsSource;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A client configured from {@code CAIRN_URL}, {@code CAIRN_TOKEN}, {@code CAIRN_USER}, {@code CAIRN_PASSWORD}. */
  public static ApiClient fromEnvironment(Map<String, String> env) {
    String url = env.getOrDefault("CAIRN_URL", "");
    URI base;
    try {
      base = URI.create(url.isBlank() ? DEFAULT_URL : url.trim());
      if (base.getScheme() == null || base.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
    } catch (IllegalArgumentException e) {
      throw new ApiError(0, "CAIRN_URL '" + url + "' is not a URL like " + DEFAULT_URL);
    }
    String token = env.getOrDefault("CAIRN_TOKEN", "");
    String user = env.getOrDefault("CAIRN_USER", "");
    if (!token.isBlank()) {
      return new ApiClient(base, "Bearer " + token.trim(), "CAIRN_TOKEN");
    }
    if (!user.isBlank()) {
      String pair = user + ":" + env.getOrDefault("CAIRN_PASSWORD", "");
      return new ApiClient(base, "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
          "CAIRN_USER/CAIRN_PASSWORD");
    }
    return new ApiClient(base, null, null);
  }

  public URI baseUrl() {
    return base;
  }

  public JsonNode get(String path) {
    return send(request(path).GET());
  }

  /** Posts a JSON body ({@code null} for none). */
  public JsonNode post(String path, Object body) {
    return send(request(path).POST(json(body)).header("Content-Type", "application/json"));
  }

  public JsonNode put(String path, Object body) {
    return send(request(path).PUT(json(body)).header("Content-Type", "application/json"));
  }

  public JsonNode delete(String path) {
    return send(request(path).DELETE());
  }

  /**
   * Sends a file as the raw body ({@code application/zip}), its name in {@code ?fileName=}.
   *
   * @param method {@code POST} or {@code PUT}
   */
  public JsonNode upload(String method, String path, Path file, Progress progress) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new ApiError(0, "cannot read " + file + ": " + e.getMessage());
    }
    String name = file.getFileName().toString();
    String sep = path.contains("?") ? "&" : "?";
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(() -> counting(file, size, progress)), size);
    return send(request(path + sep + "fileName=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
        .method(method, body).header("Content-Type", "application/zip").timeout(Duration.ofMinutes(30)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + (path.startsWith("/") ? path : "/" + path)))
        .header("Accept", "application/json").timeout(Duration.ofMinutes(5));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private JsonNode send(HttpRequest.Builder builder) {
    HttpResponse<String> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new ApiError(0, "no Cairn server at " + base + ": start one with bin/cairn demo or bin/cairn server"
          + " (or set CAIRN_URL to the server's address)");
    } catch (IOException e) {
      throw new ApiError(0, "the Cairn server at " + base + " did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(0, "interrupted while waiting for " + base);
    } catch (UncheckedIOException e) {
      throw new ApiError(0, "cannot send the file: " + e.getCause().getMessage());
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return parse(response.body());
    }
    throw new ApiError(status, errorMessage(status, response.body()));
  }

  private String errorMessage(int status, String body) {
    String serverMessage = serverMessage(body);
    if (status == 401) {
      return authorization == null
          ? "the server at " + base + " needs credentials: set CAIRN_TOKEN to an API token, or CAIRN_USER and "
              + "CAIRN_PASSWORD"
          : "the server at " + base + " refused the credentials in " + credentialsSource + ": check them";
    }
    if (status == 403) {
      return "the credentials in " + credentialsSource + " may not do this (" + serverMessage + "): set CAIRN_TOKEN, "
          + "or CAIRN_USER and CAIRN_PASSWORD, to those of a user with the needed role (admin for plugins)";
    }
    return serverMessage + " (HTTP " + status + ")";
  }

  private static String serverMessage(String body) {
    JsonNode node = parse(body);
    if (node.hasNonNull("message")) {
      StringBuilder sb = new StringBuilder(node.get("message").asText());
      node.path("details").forEach(d -> sb.append(System.lineSeparator()).append("  ").append(d.asText()));
      return sb.toString();
    }
    return body == null || body.isBlank() ? "no message" : body.strip();
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    if (body == null) {
      return HttpRequest.BodyPublishers.noBody();
    }
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the request as JSON: " + e.getMessage(), e);
    }
  }

  private static InputStream counting(Path file, long total, Progress progress) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FilterInputStream(in) {
      private long sent;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          sent += n;
          progress.sent(sent, total);
        }
        return n;
      }
    };
  }
}
