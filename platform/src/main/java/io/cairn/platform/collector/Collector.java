package io.cairn.platform.collector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.collector.WriteKeyEntry;
import io.cairn.governance.consent.ConsentCapture;
import io.cairn.governance.consent.ConsentSignal;
import io.cairn.platform.collector.wal.EventLog;
import io.cairn.platform.collector.wal.LogEntry;
import io.cairn.platform.collector.wal.LogFullException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts Segment events: checks sizes, reads the body, authenticates the write key (Basic user name or the
 * body's {@code writeKey}), validates every event (a batch is accepted or refused whole), applies the key's rate
 * limit, stamps the events, hands their consent signals to {@link ConsentCapture} and forces them into the
 * write-ahead log. Only then does the caller answer 200: nothing acknowledged is lost.
 *
 * <p>Consent is captured before the write, so a 400 for a malformed consent signal means no event of the request
 * was stored. Thread-safe.
 */
final class Collector {
  private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
  /** The kind of request that carries a batch ({@code /v1/batch}, {@code /v1/import}). */
  static final String BATCH = "batch";

  private final ObjectMapper json;
  private final com.fasterxml.jackson.databind.ObjectWriter writer;
  private final WriteKeys keys;
  private final EventLog log;
  private final RateLimits limits;
  private final ConsentCapture consent;
  private final int maxEventBytes;
  private final int maxBatchBytes;

  Collector(ObjectMapper json, WriteKeys keys, EventLog log, RateLimits limits, ConsentCapture consent,
      int maxEventBytes, int maxBatchBytes) {
    this.json = json;
    this.writer = json.writer();
    this.keys = keys;
    this.log = log;
    this.limits = limits;
    this.consent = consent;
    this.maxEventBytes = maxEventBytes;
    this.maxBatchBytes = maxBatchBytes;
  }

  /** The most bytes a request of this kind may have. */
  int limit(String kind) {
    return BATCH.equals(kind) ? maxBatchBytes : maxEventBytes;
  }

  /**
   * Accepts one request.
   *
   * @param kind an event type for the single-event endpoints, or {@link #BATCH}
   * @return the number of events stored
   */
  int accept(String kind, byte[] body, RequestMeta meta) throws CollectorException {
    if (body.length > limit(kind)) {
      throw CollectorException.badRequest((BATCH.equals(kind) ? "the batch is more than " : "the event is more than ")
          + limit(kind) + " bytes; send at most " + maxEventBytes + " bytes per event and " + maxBatchBytes
          + " per batch");
    }
    if (body.length == 0) {
      throw CollectorException.badRequest("the body is empty: send a JSON event");
    }
    ParsedBody parsed = BATCH.equals(kind) ? ParsedBody.batch(json, body, maxEventBytes) : ParsedBody.single(json, body);
    String key = meta.basicUser() != null && !meta.basicUser().isEmpty() ? meta.basicUser() : parsed.writeKey();
    if (key == null) {
      throw new CollectorException(401, "no write key: send it as the user name of Basic authentication or as "
          + "\"writeKey\" in the body");
    }
    WriteKeyEntry writeKey = keys.resolve(key).orElseThrow(() -> new CollectorException(401,
        "unknown or revoked write key"));
    List<ObjectNode> events = parsed.events();
    if (events.isEmpty()) {
      return 0;
    }
    for (int i = 0; i < events.size(); i++) {
      SegmentEvents.validate(events.get(i), BATCH.equals(kind) ? null : kind, where(kind, i));
    }
    long wait = limits.tryAcquire(writeKey.id(), events.size());
    if (wait > 0) {
      throw new CollectorException(429, "write key '" + writeKey.name() + "' sends more events than its rate limit",
          wait);
    }
    String receivedAt = meta.receivedAt().toString();
    List<LogEntry> entries = new ArrayList<>(events.size());
    List<ConsentSignal> signals = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      ObjectNode e = events.get(i);
      String messageId = SegmentEvents.stamp(e, parsed.context(), writeKey.id(), meta, receivedAt);
      if (ConsentSignals.present(e, meta)) {
        ConsentSignal signal = ConsentSignals.of(e, meta, where(kind, i));
        if (!signal.isEmpty()) {
          signals.add(signal);
        }
      }
      entries.add(LogEntry.of(messageId, bytes(e)));
    }
    for (ConsentSignal s : signals) {
      try {
        consent.capture(s);
      } catch (IllegalArgumentException e) {
        throw CollectorException.badRequest("consent: " + e.getMessage());
      }
    }
    try {
      log.append(entries);
    } catch (LogFullException e) {
      throw new CollectorException(503, e.getMessage(), 5);
    } catch (IOException e) {
      LOG.error("could not write {} events to the write-ahead log", entries.size(), e);
      throw new CollectorException(503, "the collector could not store the events; retry later", 5);
    }
    return entries.size();
  }

  private byte[] bytes(ObjectNode event) {
    try {
      return writer.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String where(String kind, int i) {
    return BATCH.equals(kind) ? "batch[" + i + "]" : "the event";
  }
}
