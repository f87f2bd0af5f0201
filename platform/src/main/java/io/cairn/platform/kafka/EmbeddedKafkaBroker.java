package io.cairn.platform.kafka;

import com.codahale.metrics.health.HealthCheck;
import io.cairn.kafka.broker.EmbeddedKafka;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-machine Kafka broker, started with the server and stopped with it; its data stays in its folder
 * between starts. Thread-safe: Dropwizard starts and stops it, the health check reads it.
 */
public final class EmbeddedKafkaBroker implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final Path dir;
  private final int port;
  private volatile EmbeddedKafka kafka;

  /**
   * @param dir the broker's data folder
   * @param port its client port on 127.0.0.1, 0 for a free one
   */
  public EmbeddedKafkaBroker(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  @Override
  public void start() throws Exception {
    kafka = EmbeddedKafka.start(dir, port);
    LOG.info("embedded Kafka broker on {} (data in {})", kafka.bootstrapServers(), dir);
  }

  @Override
  public void stop() {
    EmbeddedKafka k = kafka;
    if (k != null) {
      k.close();
    }
  }

  /** {@code 127.0.0.1:<port>}, once started. */
  public String bootstrapServers() {
    EmbeddedKafka k = kafka;
    if (k == null) {
      throw new IllegalStateException("the embedded Kafka broker is not started");
    }
    return k.bootstrapServers();
  }

  /** Healthy while the broker runs, with its address. */
  public HealthCheck healthCheck() {
    return new HealthCheck() {
      @Override
      protected Result check() {
        EmbeddedKafka k = kafka;
        return k != null && k.running() ? Result.healthy(k.bootstrapServers()) : Result.unhealthy("not running");
      }
    };
  }
}
