package io.cairn.platform.collector;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.collector.WriteKeyRepository;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.consent.ConsentCapture;
import io.cairn.platform.collector.wal.EventLog;
import io.cairn.platform.config.KafkaConfig;
import io.cairn.platform.plugins.HostExtensions;
import io.cairn.platform.plugins.LoadedExtensions;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Wires the collector: its write-ahead log, write keys, the {@code /v1/*} and {@code /mp/collect} servlet, the
 * admin resource for write keys, the Kafka forwarder when a topic is configured, {@code cairn:source:collector},
 * and a health check. The log is opened at construction and closed when the server stops.
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
   * @param consent receives the consent signals of accepted events ({@link ConsentCapture#NONE} for none)
   */
  public CollectorModule(CollectorConfig config, Path home, String node, KafkaConfig kafka,
      WriteKeyRepository repository, ConsentCapture consent) throws IOException {
    this.config = config;
    this.node = node;
    this.consent = consent;
    Path dir = config.walDir().isBlank() ? home.resolve("collector").resolve("wal") : Path.of(config.walDir());
    this.log = EventLog.open(dir, config.walMaxBytes(), config.walSegmentBytes());
    this.keys = new WriteKeys(repository);
    this.forwarder = config.kafkaTopic().isBlank() ? null
        : new KafkaForwarder(log, bootstrapServers(config, kafka), config.kafkaTopic());
  }

  private static String bootstrapServers(CollectorConfig config, KafkaConfig kafka) {
    if (!config.kafkaBootstrapServers().isBlank()) {
      return config.kafkaBootstrapServers();
    }
    if (kafka.embedded() && kafka.port() > 0) {
      return "127.0.0.1:" + kafka.port();
    }
    throw new IllegalArgumentException("collector.kafkaTopic is set: also set collector.kafkaBootstrapServers, or "
        + "run the embedded broker (kafka.embedded) on a fixed kafka.port");
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
    env.servlets().addServlet("collector", new CollectorServlet(collector, json, Clock.systemUTC(),
        config.allowedOrigins())).addMapping("/v1/*", "/mp/collect");
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
