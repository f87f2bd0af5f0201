package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collector's HTTP side, outside Jersey and so outside user authentication (write keys authenticate
 * instead): {@code POST /v1/<type>}, {@code /v1/batch}, {@code /v1/import} (each also with a trailing slash),
 * {@code GET /v1/pixel/<type>?data=<base64 event>} (answers a 1x1 GIF), {@code POST /mp/collect} (GA4), and the
 * CORS preflight of each. Errors are {@code {"code", "message"}}; 429 and 503 carry {@code Retry-After}.
 */
final class CollectorServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

  private static final long DRAIN_CAP = 16L << 20;

  private final transient Collector collector;
  private final transient ObjectMapper json;
  private final transient Clock clock;
  private final Set<String> origins;

  CollectorServlet(Collector collector, ObjectMapper json, Clock clock, List<String> allowedOrigins) {
    this.collector = collector;
    this.json = json;
    this.clock = clock;
    this.origins = Set.copyOf(allowedOrigins);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    if (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    boolean allowed = cors(req, resp);
    if ("OPTIONS".equals(req.getMethod())) {
      resp.setStatus(allowed ? 204 : 403);
      return;
    }
    try {
      if (path.startsWith("/v1/pixel/") && "GET".equals(req.getMethod())) {
        pixel(req, resp, path.substring("/v1/pixel/".length()));
      } else if ("/mp/collect".equals(path) && "POST".equals(req.getMethod())) {
        byte[] batch = Ga4Events.toBatch(json, body(req, collector.limit(Collector.BATCH)),
            req.getParameter("api_secret"), req.getParameter("measurement_id"));
        collector.accept(Collector.BATCH, batch, meta(req));
        resp.setStatus(204);
      } else if (path.startsWith("/v1/") && "POST".equals(req.getMethod())) {
        String kind = path.substring("/v1/".length());
        if ("import".equals(kind)) {
          kind = Collector.BATCH;
        }
        if (!Collector.BATCH.equals(kind) && !SegmentEvents.TYPES.contains(kind)) {
          throw new CollectorException(404, "no collector endpoint " + path + "; use /v1/identify, track, page, "
              + "screen, group, alias, batch or import");
        }
        collector.accept(kind, body(req, collector.limit(kind)), meta(req));
        write(resp, 200, "application/json", OK);
      } else {
        throw new CollectorException(405, req.getMethod() + " " + path + " is not a collector endpoint");
      }
    } catch (CollectorException e) {
      if (e.retryAfterSeconds() > 0) {
        resp.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      }
      if (e.status() == 401) {
        resp.setHeader("WWW-Authenticate", "Basic realm=\"cairn-collector\"");
      }
      write(resp, e.status(), "application/json",
          json.writeValueAsBytes(Map.of("code", e.status(), "message", e.getMessage())));
    }
  }

  private void pixel(HttpServletRequest req, HttpServletResponse resp, String type) throws CollectorException,
      IOException {
    if (!SegmentEvents.TYPES.contains(type)) {
      throw new CollectorException(404, "no pixel for type '" + type + "'");
    }
    String data = req.getParameter("data");
    if (data == null) {
      throw CollectorException.badRequest("the pixel needs ?data=<base64 of the event's JSON>");
    }
    byte[] event;
    try {
      event = Base64.getDecoder().decode(data.replace('-', '+').replace('_', '/').replace(' ', '+'));
    } catch (IllegalArgumentException e) {
      throw CollectorException.badRequest("?data is not base64: " + e.getMessage());
    }
    collector.accept(type, event, meta(req));
    resp.setHeader("Cache-Control", "no-store");
    write(resp, 200, "image/gif", GIF);
  }

  /** Adds the CORS answer headers; false when the request's origin is not allowed. */
  private boolean cors(HttpServletRequest req, HttpServletResponse resp) {
    String origin = req.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    if (!origins.contains("*") && !origins.contains(origin)) {
      return false;
    }
    resp.setHeader("Access-Control-Allow-Origin", origin);
    resp.setHeader("Access-Control-Allow-Credentials", "true");
    resp.setHeader("Vary", "Origin");
    if ("OPTIONS".equals(req.getMethod())) {
      resp.setHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
      String asked = req.getHeader("Access-Control-Request-Headers");
      resp.setHeader("Access-Control-Allow-Headers", asked != null ? asked : "Content-Type, Authorization");
      resp.setHeader("Access-Control-Max-Age", "86400");
    }
    return true;
  }

  /** The body, at most {@code limit} bytes; a larger one is read to its end (up to a cap) and refused. */
  private static byte[] body(HttpServletRequest req, int limit) throws IOException, CollectorException {
    long declared = req.getContentLengthLong();
    try (InputStream in = req.getInputStream()) {
      byte[] b = declared > limit ? new byte[0] : in.readNBytes(limit + 1);
      if (declared > limit || b.length > limit) {
        // reading the rest lets the client see the answer instead of a reset connection
        byte[] skip = new byte[8192];
        long drained = 0;
        for (int n; drained < DRAIN_CAP && (n = in.read(skip)) > 0; ) {
          drained += n;
        }
        throw CollectorException.badRequest("the body is more than " + limit + " bytes; at most " + limit
            + " bytes are accepted here (32 KB per event, 500 KB per batch by default)");
      }
      return b;
    }
  }

  private RequestMeta meta(HttpServletRequest req) {
    String tcfCookie = null;
    Cookie[] cookies = req.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if ("euconsent-v2".equals(c.getName())) {
          tcfCookie = c.getValue();
        }
      }
    }
    return new RequestMeta(basicUser(req.getHeader("Authorization")), req.getRemoteAddr(),
        req.getHeader("User-Agent"), tcfCookie, req.getHeader("X-TCF-String"), "1".equals(req.getHeader("Sec-GPC")),
        clock.instant());
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

  private static void write(HttpServletResponse resp, int status, String type, byte[] body) throws IOException {
    resp.setStatus(status);
    resp.setContentType(type);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
