package io.cairn.bench.lineage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Posts OpenLineage RunEvents (COMPLETE, a job reading one dataset with a schema and writing another with
 * column lineage, 1,000 jobs over 5,000 dataset pairs) to {@code POST /api/v1/lineage}, the real ingest path:
 * validation, then the catalog writes; one event per request or JSON arrays of events. Every answer must be 201.
 */
final class Ingest {
  static final String PRODUCER = "https://github.com/cairn-data/cairn/bench";

  /** What one ingest run measured. */
  record Result(int events, double seconds, double slowestBatch, double fastestBatch) {}

  private final HttpClient http;
  private final URI uri;
  private final String auth;

  Ingest(HttpClient http, URI base, String auth) {
    this.http = http;
    this.uri = base.resolve("/api/v1/lineage");
    this.auth = auth;
  }

  /**
   * Posts events {@code [first, first + events)} in rounds of {@code batch}, each round split among the clients
   * in requests of {@code perRequest} events (a JSON array; 1 = one event object per request, as Marquez takes).
   */
  Result run(int first, int events, int batch, int clients, int perRequest) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    double slowest = Double.MAX_VALUE;
    double fastest = 0;
    long start = System.nanoTime();
    try {
      int end = first + events;
      for (int from = first; from < end; from += batch) {
        int to = Math.min(end, from + batch);
        long t = System.nanoTime();
        List<Future<?>> parts = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
          int client = k;
          int roundFrom = from;
          parts.add(pool.submit(() -> {
            for (int r = roundFrom + client * perRequest; r < to; r += clients * perRequest) {
              int rTo = Math.min(to, r + perRequest);
              if (perRequest == 1) {
                post(event(r));
              } else {
                StringBuilder body = new StringBuilder("[");
                for (int i = r; i < rTo; i++) {
                  body.append(i > r ? "," : "").append(event(i));
                }
                post(body.append(']').toString());
              }
            }
            return null;
          }));
        }
        for (Future<?> f : parts) {
          f.get();
        }
        double rate = (to - from) / ((System.nanoTime() - t) / 1e9);
        slowest = Math.min(slowest, rate);
        fastest = Math.max(fastest, rate);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(events, (System.nanoTime() - start) / 1e9, slowest, fastest);
  }

  private void post(String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
    }
  }

  static String event(int i) {
    String src = "src-" + (i % 5_000);
    String dst = "dst-" + (i % 5_000);
    String lineage = "{\"namespace\":\"ingest\",\"name\":\"" + src + "\",\"field\":\"%s\",\"transformations\":"
        + "[{\"type\":\"DIRECT\",\"subtype\":\"IDENTITY\"}]}";
    return "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-01-01T00:00:00.000Z\",\"producer\":\"" + PRODUCER
        + "\",\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
        + "\"run\":{\"runId\":\"" + UUID.nameUUIDFromBytes(("run" + i).getBytes()) + "\"},"
        + "\"job\":{\"namespace\":\"ingest\",\"name\":\"job-" + (i % 1_000) + "\"},"
        + "\"inputs\":[{\"namespace\":\"ingest\",\"name\":\"" + src + "\",\"facets\":{\"schema\":{\"_producer\":\""
        + PRODUCER + "\",\"_schemaURL\":\"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json"
        + "#/$defs/SchemaDatasetFacet\",\"fields\":[{\"name\":\"id\",\"type\":\"BIGINT\"},"
        + "{\"name\":\"email\",\"type\":\"STRING\"}]}}}],"
        + "\"outputs\":[{\"namespace\":\"ingest\",\"name\":\"" + dst + "\",\"facets\":{\"columnLineage\":{"
        + "\"_producer\":\"" + PRODUCER + "\",\"_schemaURL\":\"https://openlineage.io/spec/facets/1-2-0/"
        + "ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet\",\"fields\":{"
        + "\"id\":{\"inputFields\":[" + lineage.formatted("id") + "]},"
        + "\"email\":{\"inputFields\":[" + lineage.formatted("email") + "]}}}}}]}";
  }
}
