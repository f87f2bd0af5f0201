package io.cairn.platform.collector;

import com.codahale.metrics.Meter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The collector's HTTP side: a Jetty handler inserted into the application's servlet context ahead of its servlet
 * handler, so that collector requests skip the servlet filter chain (thread renaming, the other filters) and Jersey,
 * and so user authentication (write keys authenticate instead); every other request goes on to the servlets. It
 * serves {@code POST /v1/<type>}, {@code /v1/batch}, {@code /v1/import} (each also with a trailing slash), {@code GET
 * /v1/pixel/<type>?data=<base64 event>} (answers a 1x1 GIF), {@code POST /mp/collect} (GA4), and the CORS preflight
 * of each. The stamped IP is the peer's, or the client's from {@code X-Forwarded-For} when the peer is a trusted
 * proxy ({@link ClientAddress}). Errors are {@code {"code", "message"}}; 429 and 503 carry {@code Retry-After}.
 *
 * <p>Asynchronous: the body is read as it arrives (a too large one is read to its end, up to a cap, and refused),
 * and the answer is sent when the write-ahead log's group commit has forced the request's events to disk; no thread
 * waits for the force. The server's request log and the application context's request metrics still see these
 * requests (they sit outside the context); {@code requests}, {@code events} and {@code refused} meters count them.
 */
final class CollectorHandler extends Handler.Wrapper {
  private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
  /** How much of a too large body is read (so that the client sees the 400) before the connection is closed. */
  private static final long DRAIN_CAP = 16L << 20;
  /** The size of the body buffers kept for reuse: bodies that declare at most this length are read into one. */
  static final int POOLED_BODY_BYTES = 64 << 10;

  /**
   * Body buffers kept for reuse (at most 64 of them): a buffer goes back once the collector has taken the request
   * (it reads nothing of the body after {@link Collector#acceptAsync} has returned); a buffer of a request that
   * failed otherwise is left to the garbage collector.
   */
  private final BlockingQueue<byte[]> bodies = new ArrayBlockingQueue<>(64);

  private final Collector collector;
  private final ObjectMapper json;
  private final Clock clock;
  private final Set<String> origins;
  private final ClientAddress clients;
  private final Meters meters;

  /** Counts of the collector's requests: all, events stored, refused (4xx and 5xx). */
  record Meters(Meter requests, Meter events, Meter refused) {}

  CollectorHandler(Collector collector, ObjectMapper json, Clock clock, List<String> allowedOrigins,
      ClientAddress clients, Meters meters) {
    this.collector = collector;
    this.json = json;
    this.clock = clock;
    this.origins = Set.copyOf(allowedOrigins);
    this.clients = clients;
    this.meters = meters;
  }

  /** Whether a path in the application context is the collector's: {@code /v1}, {@code /v1/...}, {@code /mp/collect}. */
  static boolean serves(String path) {
    return path.startsWith("/v1/") || "/v1".equals(path) || "/mp/collect".equals(path);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (!serves(path)) {
      return super.handle(request, response, callback);
    }
    meters.requests().mark();
    if (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    String method = request.getMethod();
    boolean allowed = cors(request, response);
    if ("OPTIONS".equals(method)) {
      response.setStatus(allowed ? 204 : 403);
      callback.succeeded();
      return true;
    }
    try {
      if (path.startsWith("/v1/pixel/") && "GET".equals(method)) {
        pixel(request, response, callback, path.substring("/v1/pixel/".length()));
      } else if ("/mp/collect".equals(path) && "POST".equals(method)) {
        Fields query = Request.extractQueryParameters(request);
        String secret = query.getValue("api_secret");
        String measurement = query.getValue("measurement_id");
        readBody(request, response, callback, collector.limit(Collector.BATCH), (body, length) -> collector.acceptAsync(
            Collector.BATCH, Ga4Events.toBatch(json, body, length, secret, measurement), meta(request),
            request.getContext()), 204, null, null);
      } else if (path.startsWith("/v1/") && "POST".equals(method)) {
        String kind = path.substring("/v1/".length());
        if ("import".equals(kind)) {
          kind = Collector.BATCH;
        }
        if (!Collector.BATCH.equals(kind) && !SegmentEvents.TYPES.contains(kind)) {
          throw new CollectorException(404, "no collector endpoint " + path + "; use /v1/identify, track, page, "
              + "screen, group, alias, batch or import");
        }
        String type = kind;
        readBody(request, response, callback, collector.limit(kind),
            (body, length) -> collector.acceptAsync(type, body, length, meta(request), request.getContext()), 200,
            "application/json", OK);
      } else {
        throw new CollectorException(405, method + " " + path + " is not a collector endpoint");
      }
    } catch (CollectorException e) {
      refuse(response, callback, e);
    }
    return true;
  }

  private void pixel(Request request, Response response, Callback callback, String type) throws CollectorException {
    if (!SegmentEvents.TYPES.contains(type)) {
      throw new CollectorException(404, "no pixel for type '" + type + "'");
    }
    String data = Request.extractQueryParameters(request).getValue("data");
    if (data == null) {
      throw CollectorException.badRequest("the pixel needs ?data=<base64 of the event's JSON>");
    }
    byte[] event;
    try {
      event = Base64.getDecoder().decode(data.replace('-', '+').replace('_', '/').replace(' ', '+'));
    } catch (IllegalArgumentException e) {
      throw CollectorException.badRequest("?data is not base64: " + e.getMessage());
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    answer(response, callback, collector.acceptAsync(type, event, meta(request), request.getContext()), 200,
        "image/gif", GIF);
  }

  /**
   * What a request does with its body (the first {@code length} bytes of {@code body}): refuses it, or stores its
   * events (the future completes once they are); it reads nothing of {@code body} after it has returned.
   */
  @FunctionalInterface
  private interface BodyAction {
    CompletableFuture<Integer> accept(byte[] body, int length) throws CollectorException;
  }

  /** Reads the body as it arrives, then runs the action and answers from its future. */
  private void readBody(Request request, Response response, Callback callback, int limit, BodyAction action,
      int status, String type, byte[] answer) {
    long declared = request.getLength();
    byte[] pooled = declared > 0 && declared <= Math.min(limit, POOLED_BODY_BYTES) ? pooledBody() : null;
    new BodyReader(request, limit, declared, pooled, (body, length, tooLarge) -> {
      try {
        if (tooLarge) {
          throw CollectorException.badRequest("the body is more than " + limit + " bytes; at most " + limit
              + " bytes are accepted here (32 KB per event, 500 KB per batch by default)");
        }
        CompletableFuture<Integer> stored;
        try {
          stored = action.accept(body, length);
        } finally {
          if (body.length == POOLED_BODY_BYTES) {
            bodies.offer(body); // the collector has read all it reads of it
          }
        }
        answer(response, callback, stored, status, type, answer);
      } catch (CollectorException e) {
        refuse(response, callback, e);
      } catch (RuntimeException e) {
        callback.failed(e);
      }
    }, callback).run();
  }

  /** A kept body buffer, or a new one. */
  private byte[] pooledBody() {
    byte[] kept = bodies.poll();
    return kept != null ? kept : new byte[POOLED_BODY_BYTES];
  }

  /** Sends the answer once the events are stored, or the refusal the future failed with. */
  private void answer(Response response, Callback callback, CompletableFuture<Integer> stored, int status,
      String type, byte[] body) {
    stored.whenComplete((events, failure) -> {
      if (failure == null) {
        meters.events().mark(events);
        write(response, callback, status, type, body);
      } else if (unwrap(failure) instanceof CollectorException e) {
        refuse(response, callback, e);
      } else {
        callback.failed(unwrap(failure));
      }
    });
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private void refuse(Response response, Callback callback, CollectorException e) {
    meters.refused().mark();
    if (e.retryAfterSeconds() > 0) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    if (e.status() == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"cairn-collector\"");
    }
    byte[] body;
    try {
      body = json.writeValueAsBytes(Map.of("code", e.status(), "message", e.getMessage()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      callback.failed(ex);
      return;
    }
    write(response, callback, e.status(), "application/json", body);
  }

  private static void write(Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    if (body == null) {
      callback.succeeded();
      return;
    }
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, type);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Adds the CORS answer headers; false when the request's origin is not allowed. */
  private boolean cors(Request request, Response response) {
    HttpFields headers = request.getHeaders();
    String origin = headers.get(HttpHeader.ORIGIN);
    if (origin == null) {
      return true;
    }
    if (!origins.contains("*") && !origins.contains(origin)) {
      return false;
    }
    HttpFields.Mutable answer = response.getHeaders();
    answer.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    answer.put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    answer.put(HttpHeader.VARY, "Origin");
    if ("OPTIONS".equals(request.getMethod())) {
      answer.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "POST, GET, OPTIONS");
      String asked = headers.get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
      answer.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, asked != null ? asked : "Content-Type, Authorization");
      answer.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "86400");
    }
    return true;
  }

  private RequestMeta meta(Request request) {
    String tcfCookie = null;
    for (HttpCookie c : Request.getCookies(request)) {
      if ("euconsent-v2".equals(c.getName())) {
        tcfCookie = c.getValue();
      }
    }
    HttpFields headers = request.getHeaders();
    List<String> forwarded = headers.getValuesList(HttpHeader.X_FORWARDED_FOR);
    String forwardedFor = forwarded.isEmpty() ? null : String.join(",", forwarded);
    return new RequestMeta(basicUser(headers.get(HttpHeader.AUTHORIZATION)),
        clients.of(Request.getRemoteAddr(request), forwardedFor), headers.get(HttpHeader.USER_AGENT), tcfCookie,
        headers.get("X-TCF-String"), "1".equals(headers.get("Sec-GPC")), clock.instant());
  }

  /** The user name of a Basic header (Segment sends the write key there, with an empty password). */
  static String basicUser(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * What is done with a body (the first {@code length} bytes of {@code body}) once it has arrived, or once a too
   * large one has been read to its end ({@code body} null).
   */
  @FunctionalInterface
  private interface BodyReady {
    void ready(byte[] body, int length, boolean tooLarge);
  }

  /**
   * Reads a request's body chunk by chunk as Jetty delivers them ({@link Request#demand} when none is there), into
   * one array of the declared length when there is one; beyond {@code limit} bytes it reads on without keeping the
   * bytes, up to {@link #DRAIN_CAP}, so that the client gets the 400 instead of a reset connection.
   */
  private static final class BodyReader implements Runnable {
    private final Request request;
    private final int limit;
    private final BodyReady then;
    private final Callback callback;
    private byte[] buf;
    private int length;
    private long skipped;
    private boolean tooLarge;

    /** @param pooled a buffer of at least the declared length to read into, or null for a new one */
    BodyReader(Request request, int limit, long declared, byte[] pooled, BodyReady then, Callback callback) {
      this.request = request;
      this.limit = limit;
      this.then = then;
      this.callback = callback;
      this.tooLarge = declared > limit;
      this.buf = pooled != null ? pooled
          : new byte[tooLarge ? 0 : declared >= 0 ? (int) declared : Math.min(limit, 8192)];
    }

    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          callback.failed(chunk.getFailure());
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        int n = b.remaining();
        if (!tooLarge && length + n > limit) {
          tooLarge = true;
        }
        if (tooLarge) {
          skipped += n;
        } else {
          if (length + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.min(limit, Math.max(length + n, buf.length * 2)));
          }
          b.get(buf, length, n);
          length += n;
        }
        boolean last = chunk.isLast();
        chunk.release();
        if (last || skipped > DRAIN_CAP) {
          then.ready(tooLarge ? null : buf, length, tooLarge);
          return;
        }
      }
    }
  }
}
