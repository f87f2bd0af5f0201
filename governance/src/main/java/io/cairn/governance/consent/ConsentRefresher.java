package io.cairn.governance.consent;

import io.cairn.catalog.consent.ConsentEventEntry;
import io.cairn.catalog.consent.ConsentRepository;
import io.cairn.catalog.consent.IdentifierEntry;
import io.cairn.catalog.consent.PurposeEntry;
import io.cairn.catalog.consent.SuppressionEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link ConsentIndex} current with the catalog: at start it loads everything, then every interval
 * it reads what any node added since (purposes, identifiers, effective consent events, suppressions). A
 * withdrawal recorded on another node is thus enforced here within one interval; writes of this node are applied
 * at once by the service. {@link #start} and {@link #stop} come from one thread; the poll runs on its own.
 */
public final class ConsentRefresher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsentRefresher.class);
  private static final long GAP_MILLIS = 60_000;

  private final ConsentRepository repository;
  private final ConsentIndex index;
  private final Duration interval;
  private final ChangeFeed<IdentifierEntry> identifiers;
  private final ChangeFeed<ConsentEventEntry> events;
  private final ChangeFeed<SuppressionEntry> suppressions;
  private List<PurposeEntry> purposes = List.of();
  private ScheduledExecutorService timer;

  public ConsentRefresher(ConsentRepository repository, ConsentIndex index, Duration interval) {
    this.repository = repository;
    this.index = index;
    this.interval = interval;
    this.identifiers = new ChangeFeed<>(repository::identifiersAfter, IdentifierEntry::id, GAP_MILLIS);
    this.events = new ChangeFeed<>(repository::eventsAfter, ConsentEventEntry::id, GAP_MILLIS);
    this.suppressions = new ChangeFeed<>(repository::suppressionsAfter, SuppressionEntry::id, GAP_MILLIS);
  }

  /** Loads everything now, then polls every interval. */
  public synchronized void start() {
    refresh();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "consent-refresh");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::refreshQuietly, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Reads and applies what was added since the last refresh. */
  public synchronized void refresh() {
    long now = System.currentTimeMillis();
    List<PurposeEntry> ps = repository.purposes();
    if (!ps.equals(purposes)) {
      index.purposes(ps);
      purposes = ps;
    }
    for (IdentifierEntry i : identifiers.poll(now)) {
      index.identifier(Identifiers.key(i.value()), subject(i.subjectId()));
    }
    for (ConsentEventEntry e : events.poll(now)) {
      if (e.effective()) {
        index.state(subject(e.subjectId()), e.purpose(), ConsentStatus.parse(e.status()));
      }
    }
    for (SuppressionEntry s : suppressions.poll(now)) {
      index.suppress(subject(s.subjectId()), s.purpose(), ConsentService.ERASED.equals(s.reason()));
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("consent index refresh failed (retrying in {} ms): {}", interval.toMillis(), e.toString());
    }
  }

  static int subject(long id) {
    if (id <= 0 || id > Integer.MAX_VALUE) {
      throw new IllegalStateException("subject id " + id + " is out of the index's range");
    }
    return (int) id;
  }

  /** Stops polling. */
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
