package io.cairn.platform.collector;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.collector.WriteKeyRepository;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.consent.ConsentCapture;
import io.cairn.platform.collector.wal.EventLog;
import io.cairn.platform.plugins.HostExtensions;
import io.cairn.platform.plugins.LoadedExtensions;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Wires the collector: its write-ahead log, write keys, the {@code /v1/*} and {@code /mp/collect} handler
 * ({@link CollectorHandler}, ahead of the application's servlets), the
 * admin resource for write keys, the Kafka forwarder when a topic is configured, {@code cairn:source:collector},
 * and a health check; releases the log cursors of readers that are gone (deleted flows, a forwarder no longer
 * configured). The log is opened at construction and closed when the server stops.
 */
public final class CollectorModule implements Managed {
  private final CollectorConfig config;
  private final EventLog log;
  private final WriteKeys keys;
  private final ObjectMapper json = new ObjectMapper();
  private final KafkaForwarder forwarder;
  private final ConsentCapture consent;
  private final String node;

  /**
   * @param embeddedKafka the embedded broker's address once it has started (it may listen on a port chosen when
   *     it starts), or null when there is no embedded broker
   * @param consent receives the consent signals of accepted events ({@link ConsentCapture#NONE} for none)
   */
  public CollectorModule(CollectorConfig config, Path home, String node, Supplier<String> embeddedKafka,
      WriteKeyRepository repository, ConsentCapture consent) throws IOException {
    this.config = config;
    this.node = node;
    this.consent = consent;
    Path dir = config.walDir().isBlank() ? home.resolve("collector").resolve("wal") : Path.of(config.walDir());
    this.log = EventLog.open(dir, config.walMaxBytes(), config.walSegmentBytes(), config.walDirectIo());
    this.keys = new WriteKeys(repository);
    this.forwarder = config.kafkaTopic().isBlank() ? null
        : new KafkaForwarder(log, bootstrapServers(config, embeddedKafka), config.kafkaTopic());
    if (forwarder == null && log.release(KafkaForwarder.CURSOR)) {
      LoggerFactory.getLogger(CollectorModule.class).info("the collector forwards to Kafka no more: its cursor in "
          + "the write-ahead log is released");
    }
  }

  private static Supplier<String> bootstrapServers(CollectorConfig config, Supplier<String> embeddedKafka) {
    if (!config.kafkaBootstrapServers().isBlank()) {
      String servers = config.kafkaBootstrapServers();
      return () -> servers;
    }
    if (embeddedKafka != null) {
      return embeddedKafka;
    }
    throw new IllegalArgumentException("collector.kafkaTopic is set: also set collector.kafkaBootstrapServers, or "
        + "run the embedded broker (kafka.embedded)");
  }

  /**
   * Releases the write-ahead log cursor of a flow that is gone (deleted), so the log keeps no segment for it.
   *
   * @return whether the flow had a cursor
   */
  public boolean releaseFlow(String flowId) throws IOException {
    return log.release(CollectorSourceTask.cursorName(flowId));
  }

  /** Releases the cursors of flows that no longer exist (deleted while this node was down, or on another node). */
  public void releaseDeletedFlows(Predicate<String> flowExists) throws IOException {
    for (String cursor : log.cursors().keySet()) {
      String flowId = CollectorSourceTask.flowOf(cursor);
      if (flowId != null && !flowExists.test(flowId)) {
        log.release(cursor);
      }
    }
  }

  /** Registers the endpoints, the source, the lifecycle and the health check. */
  public void register(Environment env, LoadedExtensions extensions, AuditLog audit) {
    env.lifecycle().manage(this);
    env.jersey().register(new WriteKeysResource(keys, audit));
    HostExtensions.registerSources(extensions, List.of(new CollectorSource(log, json, node)));
    if (!config.enabled()) {
      return;
    }
    Collector collector = new Collector(json, keys, log, new RateLimits(config.eventsPerSecondPerKey(), System::nanoTime),
        consent, config.maxEventBytes(), config.maxBatchBytes());
    // a handler ahead of the application context's servlets: collector requests skip the filter chain and Jersey
    env.getApplicationContext().insertHandler(new CollectorHandler(collector, json, Clock.systemUTC(),
        config.allowedOrigins(), new ClientAddress(config.trustedProxies()), new CollectorHandler.Meters(
            env.metrics().meter("io.cairn.collector.requests"), env.metrics().meter("io.cairn.collector.events"),
            env.metrics().meter("io.cairn.collector.refused"))));
    env.healthChecks().register("collector", new HealthCheck() {
      @Override
      protected Result check() {
        String size = log.sizeBytes() + " of " + log.maxBytes() + " bytes in the write-ahead log";
        if (log.sizeBytes() + config.maxBatchBytes() > log.maxBytes()) {
          return Result.unhealthy("the write-ahead log is full: " + size);
        }
        if (forwarder != null && !forwarder.connected() && forwarder.lagBytes() > 0) {
          return Result.unhealthy("Kafka " + forwarder.describe() + " does not take events; " + size);
        }
        return Result.healthy(size);
      }
    });
  }

  /** The write-ahead log (for the source and tests in this process). */
  public EventLog log() {
    return log;
  }

  @Override
  public void start() {
    if (forwarder != null) {
      forwarder.start();
    }
  }

  @Override
  public void stop() throws Exception {
    if (forwarder != null) {
      forwarder.stop();
    }
    log.close();
  }
}
