package io.cairn.connector.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server (the JDK's) serving datasets as paged JSON, {@code {"data": [...], "links": {"next": ...}}},
 * to bearer token {@value #TOKEN} only. Counts the requests it answered.
 */
final class PagedApi implements AutoCloseable {
  static final String TOKEN = "t0ken-for-tests";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, List<ObjectNode>> datasets = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final int pageSize;

  PagedApi(int pageSize) throws IOException {
    this.pageSize = pageSize;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves these records at {@code /<name>}; returns its URL. */
  String serve(String name, List<ObjectNode> records) {
    datasets.put("/" + name, records);
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
  }

  static ObjectNode record(long id) {
    return JSON.createObjectNode().put("id", id).put("email", "p" + id + "@example.org");
  }

  int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, "{\"error\":\"missing or wrong token\"}");
        return;
      }
      List<ObjectNode> records = datasets.get(exchange.getRequestURI().getPath());
      if (records == null) {
        send(exchange, 404, "{\"error\":\"no such dataset\"}");
        return;
      }
      String query = exchange.getRequestURI().getQuery();
      int page = query == null ? 0 : Integer.parseInt(query.substring("page=".length()));
      ObjectNode body = JSON.createObjectNode();
      ArrayNode data = body.putArray("data");
      int from = page * pageSize;
      records.subList(Math.min(from, records.size()), Math.min(from + pageSize, records.size())).forEach(data::add);
      if (from + pageSize < records.size()) {
        body.putObject("links").put("next", exchange.getRequestURI().getPath() + "?page=" + (page + 1));
      }
      send(exchange, 200, JSON.writeValueAsString(body));
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
