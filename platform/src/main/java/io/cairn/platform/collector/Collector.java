package io.cairn.platform.collector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.collector.WriteKeyEntry;
import io.cairn.governance.consent.ConsentCapture;
import io.cairn.governance.consent.ConsentSignal;
import io.cairn.platform.collector.wal.EventLog;
import io.cairn.platform.collector.wal.LogBatch;
import io.cairn.platform.collector.wal.LogFullException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts Segment events: checks sizes, reads the body, authenticates the write key (Basic user name or the
 * body's {@code writeKey}), validates every event (a batch is accepted or refused whole), applies the key's rate
 * limit, stamps the events and forces them into the write-ahead log. Only then does the caller answer 200: nothing
 * acknowledged is lost. {@link #acceptAsync} returns before the force, with a future the caller answers from, so
 * that no thread waits for the group commit.
 *
 * <p>Consent: the events' signals are built and {@linkplain ConsentCapture#validate validated} before the write (a
 * malformed one is a 400 and nothing is stored), and {@linkplain ConsentCapture#capture captured} only after the
 * events are durably written, so a refused or failed write records no consent. When capturing fails after the
 * write the answer is 503: the client sends the request again, which stores the events a second time under the
 * same messageIds (readers that upsert by messageId keep them once) and captures the consent then.
 *
 * <p>Batch events are stamped by splicing the stamp into their bytes as received ({@link EventStamp}); the rest
 * are stamped as trees and written out again. Thread-safe.
 */
final class Collector {
  private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
  /** The kind of request that carries a batch ({@code /v1/batch}, {@code /v1/import}). */
  static final String BATCH = "batch";
  /**
   * The largest record buffer a thread keeps for its next request (a batch of 100 typical events takes about 50
   * KB); larger requests get a buffer of their own.
   */
  static final int KEPT_BUFFER_BYTES = 256 << 10;

  private final ObjectMapper json;
  private final ObjectWriter writer;
  private final WriteKeys keys;
  private final EventLog log;
  private final RateLimits limits;
  private final ConsentCapture consent;
  private final int maxEventBytes;
  private final int maxBatchBytes;
  /**
   * Each thread's record buffer, reused from request to request: the log has copied a batch's bytes when {@link
   * EventLog#appendAsync} returns, and nothing reads the batch after that.
   */
  private final ThreadLocal<LogBatch> buffers = new ThreadLocal<>();

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
   * Accepts one request and waits until its events are stored (and their consent captured). The consent capture
   * then runs on the thread that completed the write, the log's flusher: for callers that wait, such as tests; the
   * HTTP side uses {@link #acceptAsync} with an executor of its own.
   *
   * @param kind an event type for the single-event endpoints, or {@link #BATCH}
   * @return the number of events stored
   */
  int accept(String kind, byte[] body, RequestMeta meta) throws CollectorException {
    try {
      return acceptAsync(kind, body, meta, Runnable::run).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollectorException(503, "interrupted while the events were stored; retry later", 5);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CollectorException c) {
        throw c;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Accepts one request without waiting for the write-ahead log's force: everything that refuses the request
   * (size, JSON, write key, validation, rate limit, consent, a full log) is thrown here, before anything is stored;
   * the future completes with the number of events stored once they are on disk and their consent is captured, or
   * fails with a {@link CollectorException} (503) when they could not be stored or their consent not recorded.
   *
   * @param kind an event type for the single-event endpoints, or {@link #BATCH}
   * @param afterWrite runs the consent capture (a database write) once the events are stored, off the log's flusher
   *     thread; not used when the events carry no consent signal
   */
  CompletableFuture<Integer> acceptAsync(String kind, byte[] body, RequestMeta meta, Executor afterWrite)
      throws CollectorException {
    return acceptAsync(kind, body, body.length, meta, afterWrite);
  }

  /**
   * As {@link #acceptAsync(String, byte[], RequestMeta, Executor)}, for a body that is the first {@code length}
   * bytes of {@code body}. Nothing reads {@code body} once this has returned or thrown, so the caller may reuse it.
   */
  CompletableFuture<Integer> acceptAsync(String kind, byte[] body, int length, RequestMeta meta, Executor afterWrite)
      throws CollectorException {
    if (length > limit(kind)) {
      throw CollectorException.badRequest((BATCH.equals(kind) ? "the batch is more than " : "the event is more than ")
          + limit(kind) + " bytes; send at most " + maxEventBytes + " bytes per event and " + maxBatchBytes
          + " per batch");
    }
    if (length == 0) {
      throw CollectorException.badRequest("the body is empty: send a JSON event");
    }
    ParsedBody parsed = BATCH.equals(kind) ? ParsedBody.batch(json, body, length, maxEventBytes)
        : ParsedBody.single(json, body, length);
    String key = meta.basicUser() != null && !meta.basicUser().isEmpty() ? meta.basicUser() : parsed.writeKey();
    if (key == null) {
      throw new CollectorException(401, "no write key: send it as the user name of Basic authentication or as "
          + "\"writeKey\" in the body");
    }
    WriteKeyEntry writeKey = keys.resolve(key).orElseThrow(() -> new CollectorException(401,
        "unknown or revoked write key"));
    List<RawEvent> events = parsed.events();
    if (events.isEmpty()) {
      return CompletableFuture.completedFuture(0);
    }
    String type = BATCH.equals(kind) ? null : kind;
    for (int i = 0; i < events.size(); i++) {
      events.get(i).validate(type, i);
    }
    long wait = limits.tryAcquire(writeKey.id(), events.size());
    if (wait > 0) {
      throw new CollectorException(429, "write key '" + writeKey.name() + "' sends more events than its rate limit",
          wait);
    }
    List<ConsentSignal> signals = new ArrayList<>();
    LogBatch records = stamp(parsed, body, length, type, writeKey.id(), meta, signals);
    for (ConsentSignal s : signals) {
      try {
        consent.validate(s);
      } catch (IllegalArgumentException e) {
        throw CollectorException.badRequest("consent: " + e.getMessage());
      }
    }
    CompletableFuture<Long> written;
    try {
      written = log.appendAsync(records);
    } catch (LogFullException e) {
      throw new CollectorException(503, e.getMessage(), 5);
    } catch (IOException e) {
      throw notStored(records.count(), e);
    }
    int count = records.count();
    CompletableFuture<Integer> stored = written.handle((end, failure) -> {
      if (failure != null) {
        throw new CompletionException(notStored(count, failure));
      }
      return count;
    });
    return signals.isEmpty() ? stored : stored.thenApplyAsync(n -> {
      for (ConsentSignal s : signals) {
        try {
          consent.capture(s);
        } catch (RuntimeException e) {
          LOG.error("{} events were stored but their consent could not be recorded", n, e);
          throw new CompletionException(new CollectorException(503, "the events were stored but their consent could "
              + "not be recorded; send them again", 5));
        }
      }
      return n;
    }, afterWrite);
  }

  /**
   * Stamps a request's validated events into a record batch (spliced into the body's bytes where it can, as trees
   * otherwise) and adds the consent signals they carry to {@code signals}; appends nothing to the log.
   *
   * @param type the endpoint's type for single events, null in a batch
   */
  LogBatch stamp(ParsedBody parsed, byte[] body, int length, String type, long writeKeyId, RequestMeta meta,
      List<ConsentSignal> signals) throws CollectorException {
    List<RawEvent> events = parsed.events();
    String receivedAt = meta.receivedAt().toString();
    EventStamp stamp = EventStamp.spliceable(parsed.context())
        ? new EventStamp(parsed.contextFields(), meta, writeKeyId, receivedAt) : null;
    LogBatch records = records(length + events.size() * (stamp == null ? 256 : stamp.extraBytes()));
    for (int i = 0; i < events.size(); i++) {
      RawEvent e = events.get(i);
      ObjectNode stamped;
      if (e.whole() || stamp == null) {
        stamped = e.whole() ? e.tree() : parse(body, e);
        records.begin(SegmentEvents.stamp(stamped, parsed.context(), writeKeyId, meta, receivedAt))
            .write(bytes(stamped));
      } else {
        String given = ParsedBody.text(e.fields().get(EventFields.Field.MESSAGE_ID));
        String messageId = given != null ? given : UUID.randomUUID().toString();
        records.begin(messageId);
        stamp.write(body, e, given != null ? null : messageId, records);
        boolean consentInContext = stamp.contextHas(e, EventStamp.CONSENT | EventStamp.TCF);
        stamped = consentInContext || ConsentSignals.present(e.fields(), meta)
            ? parse(records.currentValue(), null) : null;
      }
      records.end();
      if (stamped != null && ConsentSignals.present(EventFields.of(stamped), meta)) {
        ConsentSignal signal = ConsentSignals.of(stamped, meta, SegmentEvents.where(type, i));
        if (!signal.isEmpty()) {
          signals.add(signal);
        }
      }
    }
    return records;
  }

  /**
   * An empty record batch for this request: the thread's own when it has room for the expected bytes; a new one
   * otherwise, which the thread keeps when it is at most {@link #KEPT_BUFFER_BYTES}.
   */
  private LogBatch records(int expected) {
    LogBatch kept = buffers.get();
    if (kept != null && kept.capacity() >= expected && kept.capacity() <= KEPT_BUFFER_BYTES) {
      return kept.reset();
    }
    LogBatch fresh = new LogBatch(expected);
    if (fresh.capacity() <= KEPT_BUFFER_BYTES) {
      buffers.set(fresh);
    } else if (kept != null && kept.capacity() > KEPT_BUFFER_BYTES) {
      buffers.remove(); // it grew beyond the bound while it was written
    }
    return fresh;
  }

  private static CollectorException notStored(int count, Throwable cause) {
    LOG.error("could not write {} events to the write-ahead log", count, cause);
    return new CollectorException(503, "the collector could not store the events; retry later", 5);
  }

  /** Parses stamped or original event bytes (a slice of the body when {@code e} is given) as a tree. */
  private ObjectNode parse(byte[] bytes, RawEvent e) {
    try {
      return (ObjectNode) (e == null ? json.readTree(bytes) : json.readTree(bytes, e.start(), e.end() - e.start()));
    } catch (IOException ex) {
      throw new IllegalStateException("an event read once does not read again", ex);
    }
  }

  private byte[] bytes(ObjectNode event) {
    try {
      return writer.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
