package io.cairn.bench.collector;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The baseline: a bare Jetty server (the same Jetty as Dropwizard's) whose one handler parses the request body as
 * JSON with Jackson and answers {@code {"success":true}}; no authentication, validation, stamping or storage.
 */
final class BareJsonEndpoint implements AutoCloseable {
  private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
  private final Server server;
  private final ServerConnector connector;

  private BareJsonEndpoint(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  static BareJsonEndpoint start() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Server server = new Server(new QueuedThreadPool(256));
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try (InputStream in = Content.Source.asInputStream(request)) {
          json.readTree(in);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(OK), callback);
        return true;
      }
    });
    server.start();
    return new BareJsonEndpoint(server, connector);
  }

  String url() {
    return "http://127.0.0.1:" + connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
