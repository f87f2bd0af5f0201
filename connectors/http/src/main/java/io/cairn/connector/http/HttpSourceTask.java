package io.cairn.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.connector.json.JsonMessages;
import io.cairn.spi.TaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the pages one at a time. Offsets are {@code <page url> <records read of it>}; see the package
 * documentation. Not thread-safe: the host polls from one thread.
 */
final class HttpSourceTask implements SourceTask {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpSettings settings;
  private final JsonMessages messages;
  private HttpClient client;
  private TaskContext context;
  private DatasetRef dataset;
  private URI page;
  private JsonNode records;
  private int next;
  private URI following;
  private boolean done;

  HttpSourceTask(HttpSettings settings, JsonMessages messages) {
    this.settings = settings;
    this.messages = messages;
  }

  @Override
  public void start(TaskContext context, String resumeOffset) throws Exception {
    this.context = context;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    URI first = settings.url();
    String port = first.getPort() < 0 ? "" : ":" + first.getPort();
    this.dataset = new DatasetRef(first.getScheme() + "://" + first.getHost() + port,
        first.getPath() == null || first.getPath().isEmpty() ? "/" : first.getPath());
    int skip = 0;
    if (resumeOffset != null) {
      int space = resumeOffset.lastIndexOf(' ');
      if (space < 0) {
        throw new IllegalArgumentException("offset '" + resumeOffset + "' is not '<page url> <records read>'");
      }
      first = HttpSettings.uri(resumeOffset.substring(0, space), "offset");
      skip = Integer.parseInt(resumeOffset.substring(space + 1));
    }
    fetch(first);
    next = Math.min(skip, records.size());
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public Batch poll(int maxRows) throws Exception {
    if (done) {
      return null;
    }
    if (next >= records.size()) {
      if (following == null) {
        done = true;
        return null;
      }
      fetch(following);
      next = 0;
    }
    List<byte[]> payloads = new ArrayList<>();
    List<String> offsets = new ArrayList<>();
    int end = Math.min(records.size(), next + maxRows);
    for (int i = next; i < end; i++) {
      payloads.add(JSON.writeValueAsBytes(records.get(i)));
      offsets.add(page + " " + (i + 1));
    }
    next = end;
    return messages.toBatch(payloads, offsets, dataset, context, page + " " + next);
  }

  @Override
  public boolean exhausted() {
    return done || records != null && next >= records.size() && following == null;
  }

  @Override
  public void stop() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  private void fetch(URI url) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.timeout())
        .header("Accept", "application/json").GET();
    if (settings.bearerToken() != null) {
      request.header("Authorization", "Bearer " + settings.bearerToken());
    }
    HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    String where = HttpSettings.redact(url.toString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("GET " + where + " answered " + response.statusCode() + ": "
          + snippet(response.body()));
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IOException("GET " + where + " did not answer JSON: " + e.getMessage(), e);
    }
    JsonNode found = settings.recordsPointer().isEmpty() ? body : body.at(settings.recordsPointer());
    if (!found.isArray()) {
      throw new IOException("GET " + where + ": no array of records at '" + settings.recordsPointer()
          + "' (found " + found.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    page = url;
    records = found;
    following = null;
    if (settings.nextPointer() != null) {
      JsonNode link = body.at(settings.nextPointer());
      if (link.isTextual() && !link.asText().isBlank()) {
        following = url.resolve(link.asText());
      }
    }
  }

  private static String snippet(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
