package io.cairn.platform.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.collector.WriteKeyRepository;
import io.cairn.governance.consent.ConsentCapture;
import io.cairn.governance.consent.ConsentSignal;
import io.cairn.governance.testing.Catalogs;
import io.cairn.platform.collector.wal.EventLog;
import io.cairn.platform.collector.wal.LogEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's service on a real catalog (H2) and a real write-ahead log, with a recording consent capture:
 * stamping, consent signals, and refusals (401, 400, 429, 503) that store nothing.
 */
class CollectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  @TempDir Path dir;
  private final List<ConsentSignal> captured = new CopyOnWriteArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private EventLog log;
  private static WriteKeys keys;
  private String key;

  @BeforeAll
  static void catalog() {
    keys = new WriteKeys(new WriteKeyRepository(Catalogs.h2()));
  }

  @BeforeEach
  void setUp(org.junit.jupiter.api.TestInfo test) throws Exception {
    key = keys.create(test.getDisplayName(), "admin").key();
    log = EventLog.open(dir.resolve("wal"), 1_000_000, 64_000);
  }

  @AfterEach
  void close() throws Exception {
    log.close();
  }

  private Collector collector(ConsentCapture capture) {
    return new Collector(JSON, keys, log, new RateLimits(50, nanos::get), capture, 32 * 1024, 500 * 1024);
  }

  /** A consent capture that refuses every signal with this message (and records what it is asked to capture). */
  private ConsentCapture refusingConsent(String message) {
    return new ConsentCapture() {
      @Override
      public void validate(ConsentSignal signal) {
        throw new IllegalArgumentException(message);
      }

      @Override
      public void capture(ConsentSignal signal) {
        captured.add(signal);
      }
    };
  }

  private static RequestMeta meta(String basicUser) {
    return new RequestMeta(basicUser, "10.1.2.3", "curl/8", null, null, false, NOW);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private List<JsonNode> stored() throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (LogEntry e : log.read(0, 1000)) {
      out.add(JSON.readTree(e.value()));
    }
    return out;
  }

  @Test
  void eventsAreStampedAndStoredWithoutTheWriteKey() throws Exception {
    int n = collector(captured::add).accept(Collector.BATCH, bytes("""
        {"writeKey": "%s", "context": {"library": {"name": "x"}},
         "batch": [{"type": "track", "userId": "u1", "event": "Bought", "properties": {"sku": "A-1", "price": 9.5},
                    "messageId": "m-1"},
                   {"type": "identify", "anonymousId": 42, "traits": {"email": "a@b.c"},
                    "context": {"ip": "1.1.1.1"}}]}
        """.formatted(key)), meta(null));
    assertThat(n).isEqualTo(2);
    List<JsonNode> events = stored();
    assertThat(events).hasSize(2);
    JsonNode track = events.get(0);
    assertThat(track.get("messageId").asText()).isEqualTo("m-1");
    assertThat(track.get("properties").get("price").asDouble()).isEqualTo(9.5);
    assertThat(track.get("receivedAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(track.get("timestamp").asText()).as("defaults to receivedAt").isEqualTo("2026-11-24T10:00:00Z");
    assertThat(track.get("context").get("ip").asText()).isEqualTo("10.1.2.3");
    assertThat(track.get("context").get("userAgent").asText()).isEqualTo("curl/8");
    assertThat(track.get("context").get("library").get("name").asText()).as("batch context").isEqualTo("x");
    assertThat(track.get("writeKeyId").asLong()).isPositive();
    assertThat(track.toString()).doesNotContain(key).doesNotContain("writeKey\"");
    JsonNode identify = events.get(1);
    assertThat(identify.get("anonymousId").asText()).isEqualTo("42");
    assertThat(identify.get("messageId").asText()).hasSize(36);
    assertThat(identify.get("context").get("ip").asText()).as("the client's own ip wins").isEqualTo("1.1.1.1");
    assertThat(captured).as("no consent in these events").isEmpty();
  }

  @Test
  void consentSignalsGoToTheCaptureFromContextCookieHeaderAndGpc() throws Exception {
    Collector c = collector(captured::add);
    c.accept("track", bytes("""
        {"userId": "u1", "event": "Viewed", "traits": {"email": "u1@shop.test"},
         "context": {"consent": {"tcString": "CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA",
                                 "purposes": {"email_marketing": true, "advertising": false},
                                 "noticeVersion": "v3"}}}
        """), meta(key));
    c.accept("page", bytes("{\"anonymousId\": \"a2\", \"name\": \"Home\"}"),
        new RequestMeta(key, "10.0.0.1", "ua", "COOKIE-TC", "HEADER-TC", true, NOW));
    c.accept("page", bytes("{\"anonymousId\": \"a3\", \"context\": {\"tcf\": {\"tcString\": \"CTX-TC\"}}}"),
        new RequestMeta(key, "10.0.0.1", "ua", null, "HEADER-TC", false, NOW));

    assertThat(captured).hasSize(3);
    ConsentSignal first = captured.get(0);
    assertThat(first.identifiers()).containsExactly(Map.entry("userId", "u1"), Map.entry("email", "u1@shop.test"));
    assertThat(first.tcString()).startsWith("CPXxRf");
    assertThat(first.purposes()).containsExactlyInAnyOrderEntriesOf(
        Map.of("email_marketing", true, "advertising", false));
    assertThat(first.noticeVersion()).isEqualTo("v3");
    assertThat(first.gpc()).isFalse();
    assertThat(first.receivedAt()).isEqualTo(NOW);
    assertThat(captured.get(1).tcString()).as("the cookie before the header").isEqualTo("COOKIE-TC");
    assertThat(captured.get(1).gpc()).isTrue();
    assertThat(captured.get(1).identifiers()).containsExactly(Map.entry("anonymousId", "a2"));
    assertThat(captured.get(2).tcString()).as("the event's context first").isEqualTo("CTX-TC");
  }

  @Test
  void aRefusedConsentSignalIsA400AndStoresNothing() throws Exception {
    Collector c = collector(refusingConsent("unknown purpose 'telepathy'"));
    assertThatThrownBy(() -> c.accept("track", bytes("""
        {"userId": "u1", "event": "E", "context": {"consent": {"purposes": {"telepathy": true}}}}
        """), meta(key)))
        .isInstanceOf(CollectorException.class).hasMessageContaining("unknown purpose 'telepathy'")
        .extracting(e -> ((CollectorException) e).status()).isEqualTo(400);
    assertThatThrownBy(() -> collector(captured::add).accept("track", bytes("""
        {"userId": "u1", "event": "E", "context": {"consent": {"purposes": {"ads": "yes"}}}}
        """), meta(key))).hasMessageContaining("purposes.ads must be true or false");
    assertThat(stored()).isEmpty();
    assertThat(captured).as("nothing recorded for a refused request").isEmpty();
  }

  @Test
  void consentIsCapturedOnlyAfterTheEventsAreDurablyWritten() throws Exception {
    List<Integer> storedWhenCaptured = new CopyOnWriteArrayList<>();
    ConsentCapture capture = signal -> {
      try {
        storedWhenCaptured.add(log.read(0, 100).size());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      captured.add(signal);
    };
    String batch = """
        {"batch": [{"type": "track", "userId": "u1", "event": "E", "messageId": "c-1",
                    "context": {"consent": {"purposes": {"email_marketing": true}}}},
                   {"type": "page", "anonymousId": "a1", "properties": {"pad": "%s"}}],
         "context": {"library": {"name": "x"}}}
        """;
    collector(capture).accept(Collector.BATCH, bytes(batch.formatted("x")), meta(key));
    assertThat(captured).hasSize(1);
    assertThat(captured.get(0).purposes()).containsEntry("email_marketing", true);
    assertThat(storedWhenCaptured).as("the events were in the log when the consent was captured").containsExactly(2);

    log.close();
    log = EventLog.open(dir.resolve("full-wal"), 2_000, 2_000);
    captured.clear();
    CollectorException full = refused(collector(capture), Collector.BATCH, batch.formatted("x".repeat(3_000)),
        meta(key));
    assertThat(full.status()).isEqualTo(503);
    assertThat(stored()).isEmpty();
    assertThat(captured).as("a write that failed records no consent").isEmpty();
  }

  @Test
  void splicedStampsEqualTheStampOfTheWholeTree() throws Exception {
    String batchContext = "{\"library\": {\"name\": \"analytics-java\"}, \"locale\": \"fr\"}";
    List<String> events = List.of(
        "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"E\",\"messageId\":\"s-1\"}",
        "{ \"type\" : \"track\" , \"userId\" : \"u2\", \"event\": \"Caf\u00e9 \\\"q\\\"\", \"messageId\": \"s-2\","
            + " \"context\" : { } , \"properties\": {\"a\": [1, {\"b\": null}], \"c\": \"\u20ac\"} }",
        "{\"type\":\"identify\",\"anonymousId\":\"a3\",\"messageId\":\"s-3\",\"context\":{\"ip\":\"1.1.1.1\","
            + "\"locale\":\"de\",\"page\":{\"path\":\"/x\"}},\"timestamp\":\"2026-01-02T03:04:05.678Z\"}",
        "{\"type\":\"page\",\"userId\":\"u4\",\"messageId\":\"s-4\",\"context\":{\"userAgent\":\"own\"},"
            + "\"integrations\":{}}",
        "{\"type\":\"group\",\"userId\":7,\"groupId\":\"g\",\"messageId\":\"s-5\",\"context\":null}",
        "{\"type\":\"alias\",\"userId\":\"u6\",\"previousId\":\"p\",\"messageId\":\"s-6\",\"receivedAt\":\"x\"}");
    RequestMeta meta = new RequestMeta(key, "10.1.2.3", "Mozilla/5.0 \"quoted\" \\ \u00e9", null, null, false, NOW);
    assertStoredAsTheTreeStamps(events, batchContext, meta);
    assertThat(captured).as("no consent in these events").isEmpty();
  }

  @Test
  void theBatchContextsKeysCountForSplicedEventsAsForTrees() throws Exception {
    // the batch context has an ip (which the stamp must not replace) and a TC string (a consent signal per event)
    String batchContext = "{\"ip\": \"9.9.9.9\", \"tcf\": {\"tcString\": \"BATCH-TC\"}}";
    List<String> events = List.of(
        "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"E\",\"messageId\":\"b-1\"}",
        "{\"type\":\"track\",\"userId\":\"u2\",\"event\":\"E\",\"messageId\":\"b-2\",\"context\":{\"ip\":\"1.1.1.1\"}}",
        "{\"type\":\"track\",\"userId\":\"u3\",\"event\":\"E\",\"messageId\":\"b-3\","
            + "\"context\":{\"consent\":{\"tcString\":\"OWN-TC\"},\"userAgent\":\"own\"}}",
        // kept fields that are a number or repeated: the tree path
        "{\"type\":\"track\",\"userId\":4,\"event\":\"E\",\"messageId\":\"b-4\"}",
        "{\"type\":\"page\",\"type\":\"track\",\"userId\":\"u5\",\"event\":\"E\",\"messageId\":\"b-5\"}");
    assertStoredAsTheTreeStamps(events, batchContext, meta(key));
    assertThat(captured).extracting(ConsentSignal::tcString)
        .containsExactly("BATCH-TC", "BATCH-TC", "OWN-TC", "BATCH-TC", "BATCH-TC");
    assertThat(stored()).extracting(e -> e.get("context").get("ip").asText())
        .containsExactly("9.9.9.9", "1.1.1.1", "9.9.9.9", "9.9.9.9", "9.9.9.9");
  }

  /**
   * Accepts the events as one batch with this shared context and checks that each is stored as the tree path
   * ({@link SegmentEvents#validate}, {@link SegmentEvents#stamp}) stamps it.
   */
  private void assertStoredAsTheTreeStamps(List<String> events, String batchContext, RequestMeta meta)
      throws Exception {
    String body = "{\"batch\": [" + String.join(", ", events) + "], \"context\": " + batchContext + "}";
    collector(captured::add).accept(Collector.BATCH, bytes(body), meta);
    List<JsonNode> stored = stored();
    assertThat(stored).hasSize(events.size());
    long writeKeyId = stored.get(0).get("writeKeyId").asLong();
    ObjectNode context = (ObjectNode) JSON.readTree(batchContext);
    for (int i = 0; i < events.size(); i++) {
      ObjectNode expected = (ObjectNode) JSON.readTree(events.get(i));
      SegmentEvents.validate(expected, null, i);
      SegmentEvents.stamp(expected, context, writeKeyId, meta, NOW.toString());
      assertThat(stored.get(i)).as(events.get(i)).isEqualTo(JSON.readTree(JSON.writeValueAsBytes(expected)));
    }
  }

  /** A batch of {@code n} track events whose messageIds are {@code prefix-i}, each with {@code pad} bytes of text. */
  private static String batchOf(String prefix, int n, int pad, String consent) {
    StringBuilder b = new StringBuilder("{\"context\": {\"library\": {\"name\": \"" + prefix + "\"}}, \"batch\": [");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"type\": \"track\", \"userId\": \"").append(prefix).append("-u")
          .append("\", \"event\": \"E\", \"messageId\": \"").append(prefix).append('-').append(i)
          .append("\", \"properties\": {\"pad\": \"").append(String.valueOf((char) ('a' + i % 26)).repeat(pad))
          .append("\"}").append(consent).append('}');
    }
    return b.append("]}").toString();
  }

  @Test
  void aThreadsReusedRecordBufferStoresEachRequestsOwnEventsOnly() throws Exception {
    Collector c = new Collector(JSON, keys, log, new RateLimits(1_000, nanos::get),
        refusingConsent("refused after the records were built"), 32 * 1024, 500 * 1024);
    // a long batch, one refused after its records were written into the thread's buffer, a short one, one beyond
    // the bound a thread keeps, and a short one again: all on this thread
    assertThat(c.accept(Collector.BATCH, bytes(batchOf("long", 40, 900, "")), meta(key))).isEqualTo(40);
    assertThatThrownBy(() -> c.accept(Collector.BATCH, bytes(batchOf("refused", 30, 900,
        ", \"context\": {\"consent\": {\"purposes\": {\"ads\": true}}}")), meta(key)))
        .hasMessageContaining("refused after the records were built");
    assertThat(c.accept(Collector.BATCH, bytes(batchOf("short", 2, 5, "")), meta(key))).isEqualTo(2);
    assertThat(c.accept(Collector.BATCH, bytes(batchOf("huge", 20, 15_000, "")), meta(key))).isEqualTo(20);
    assertThat(c.accept(Collector.BATCH, bytes(batchOf("tiny", 1, 1, "")), meta(key))).isEqualTo(1);

    List<JsonNode> events = new java.util.ArrayList<>();
    for (LogEntry e : log.read(0, 1000)) {
      JsonNode event = JSON.readTree(e.value());
      assertThat(new String(e.key(), StandardCharsets.UTF_8)).isEqualTo(event.get("messageId").asText());
      events.add(event);
    }
    List<String> expected = new java.util.ArrayList<>();
    for (var part : List.of(Map.entry("long", 40), Map.entry("short", 2), Map.entry("huge", 20),
        Map.entry("tiny", 1))) {
      for (int i = 0; i < part.getValue(); i++) {
        expected.add(part.getKey() + "-" + i);
      }
    }
    assertThat(events).extracting(e -> e.get("messageId").asText()).containsExactlyElementsOf(expected);
    for (JsonNode e : events) {
      String prefix = e.get("messageId").asText().replaceAll("-\\d+$", "");
      int i = Integer.parseInt(e.get("messageId").asText().substring(prefix.length() + 1));
      int pad = Map.of("long", 900, "short", 5, "huge", 15_000, "tiny", 1).get(prefix);
      assertThat(e.get("userId").asText()).isEqualTo(prefix + "-u");
      assertThat(e.get("properties").get("pad").asText())
          .isEqualTo(String.valueOf((char) ('a' + i % 26)).repeat(pad));
      assertThat(e.get("context").get("library").get("name").asText()).isEqualTo(prefix);
      assertThat(e.has("receivedAt")).isTrue();
    }
    assertThat(captured).isEmpty();
  }

  @Test
  void errorsNameTheEventTheyAreAbout() {
    Collector c = collector(captured::add);
    assertRefused(c, Collector.BATCH, "{\"batch\": [{\"type\": \"track\", \"userId\": \"u\", \"event\": \"e\"}, "
        + "{\"type\": \"track\", \"userId\": \"u\"}]}", meta(key), 400, "batch[1]: a track event needs");
    assertRefused(c, "track", "{\"userId\": \"u\", \"event\": \"e\", \"messageId\": \"" + "m".repeat(300) + "\"}",
        meta(key), 400, "the event: \"messageId\" is longer than 256 characters");
  }

  @Test
  void badInputIsRefusedWithAMessage() {
    Collector c = collector(captured::add);
    assertRefused(c, "track", "{\"userId\": \"u\"", meta(key), 400, "malformed JSON");
    assertRefused(c, "track", "[1,2]", meta(key), 400, "must be a JSON object");
    assertRefused(c, "track", "{\"userId\": \"u\"}", meta(key), 400, "needs an \"event\" name");
    assertRefused(c, "identify", "{\"traits\": {}}", meta(key), 400, "needs a \"userId\" or an \"anonymousId\"");
    assertRefused(c, "group", "{\"userId\": \"u\"}", meta(key), 400, "needs \"groupId\"");
    assertRefused(c, "alias", "{\"userId\": \"u\"}", meta(key), 400, "needs \"previousId\"");
    assertRefused(c, "track", "{\"userId\": \"u\", \"event\": \"e\", \"properties\": [1]}", meta(key), 400,
        "\"properties\" must be a JSON object");
    assertRefused(c, "track", "{\"userId\": \"u\", \"event\": \"e\", \"timestamp\": \"yesterday\"}", meta(key), 400,
        "not an ISO-8601");
    assertRefused(c, Collector.BATCH, "{\"batch\": [{\"type\": \"fly\", \"userId\": \"u\"}]}", meta(key), 400,
        "batch[0]: \"type\" must be one of");
    assertRefused(c, Collector.BATCH, "{\"writeKey\": \"%s\"}".formatted(key), meta(null), 400, "\"batch\" array");
    assertRefused(c, "track", "{\"userId\": \"u\", \"event\": \"e\"}", meta(null), 401, "no write key");
    assertRefused(c, "track", "{\"userId\": \"u\", \"event\": \"e\"}", meta("wk_wrong"), 401, "unknown or revoked");
    String big = "{\"userId\": \"u\", \"event\": \"e\", \"properties\": {\"x\": \"" + "y".repeat(33 * 1024) + "\"}}";
    assertRefused(c, "track", big, meta(key), 400, "more than 32768 bytes");
    assertRefused(c, Collector.BATCH, "{\"batch\": [" + big.replace("\"userId\"", "\"type\": \"track\", \"userId\"")
        + "]}", meta(key), 400, "batch[0] is 33");
  }

  @Test
  void aRevokedKeyIsRefused() throws Exception {
    Collector c = collector(captured::add);
    c.accept("track", bytes("{\"userId\": \"u\", \"event\": \"e\"}"), meta(key));
    long id = keys.list().stream().filter(k -> k.name().equals("aRevokedKeyIsRefused()")).findFirst().orElseThrow().id();
    assertThat(keys.revoke(id)).isTrue();
    CollectorException e = refused(c, "track", "{\"userId\": \"u\", \"event\": \"e\"}", meta(key));
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).contains("revoked");
    assertThat(log.read(0, 10)).hasSize(1);
  }

  @Test
  void theRateLimitAnswers429UntilTheBucketRefills() throws Exception {
    Collector c = collector(captured::add);
    String batch = batchOf(50);
    c.accept(Collector.BATCH, bytes(batch), meta(key));
    CollectorException e = refused(c, Collector.BATCH, batch, meta(key));
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfterSeconds()).isEqualTo(1);
    nanos.addAndGet(1_000_000_000L);
    assertThat(c.accept(Collector.BATCH, bytes(batch), meta(key))).isEqualTo(50);
  }

  @Test
  void aFullLogAnswers503AndTakesEventsAgainOnceDrained() throws Exception {
    log.close();
    log = EventLog.open(dir.resolve("small-wal"), 20_000, 4_000);
    Collector c = new Collector(JSON, keys, log, new RateLimits(0, nanos::get), captured::add, 32 * 1024,
        500 * 1024);
    String batch = batchOf(20);
    CollectorException full = null;
    for (int i = 0; i < 100 && full == null; i++) {
      try {
        c.accept(Collector.BATCH, bytes(batch), meta(key));
      } catch (CollectorException e) {
        full = e;
      }
    }
    assertThat(full).isNotNull();
    assertThat(full.status()).isEqualTo(503);
    assertThat(full.retryAfterSeconds()).isPositive();
    log.commit("kafka", log.end());
    assertThat(c.accept(Collector.BATCH, bytes(batch), meta(key))).isEqualTo(20);
  }

  private static String batchOf(int n) {
    StringBuilder b = new StringBuilder("{\"batch\": [");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"type\": \"track\", \"userId\": \"u").append(i)
          .append("\", \"event\": \"e\"}");
    }
    return b.append("]}").toString();
  }

  private static CollectorException refused(Collector c, String kind, String body, RequestMeta meta) {
    try {
      c.accept(kind, bytes(body), meta);
    } catch (CollectorException e) {
      return e;
    }
    throw new AssertionError("accepted: " + body);
  }

  private void assertRefused(Collector c, String kind, String body, RequestMeta meta, int status, String message) {
    CollectorException e = refused(c, kind, body, meta);
    assertThat(e.status()).as(body).isEqualTo(status);
    assertThat(e.getMessage()).as(body).contains(message);
    try {
      assertThat(log.read(0, 10)).as("nothing stored").isEmpty();
    } catch (java.io.IOException io) {
      throw new java.io.UncheckedIOException(io);
    }
  }
}
