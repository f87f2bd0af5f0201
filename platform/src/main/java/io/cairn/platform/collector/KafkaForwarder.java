package io.cairn.platform.collector;

import io.cairn.platform.collector.wal.EventLog;
import io.cairn.platform.collector.wal.LogEntry;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the write-ahead log into a Kafka topic on one thread: reads from its cursor ({@value #CURSOR}), sends
 * with {@code acks=all} and idempotence, keyed by messageId, and moves the cursor only once the broker
 * acknowledged every record before it. When the broker is down it keeps retrying with a new producer from the
 * cursor; the log keeps accepting meanwhile, up to its bound. A record may reach the topic twice after a
 * failure (never zero times), with the same key, so a sink upserting by messageId holds it once.
 */
final class KafkaForwarder implements Managed {
  static final String CURSOR = "kafka";
  private static final Logger LOG = LoggerFactory.getLogger(KafkaForwarder.class);
  private static final int CHUNK = 2000;

  private final EventLog log;
  private final Supplier<String> bootstrapServers;
  private final String topic;
  private volatile boolean running;
  private volatile boolean connected;
  private Thread thread;

  /**
   * @param bootstrapServers the brokers, asked for each new producer (the embedded broker's port is known only
   *     once it has started, and may change when it starts again on port 0)
   */
  KafkaForwarder(EventLog log, Supplier<String> bootstrapServers, String topic) {
    this.log = log;
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().name("collector-kafka").daemon().start(this::loop);
  }

  @Override
  public void stop() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(30_000);
    }
  }

  /** Whether the last send succeeded. */
  boolean connected() {
    return connected;
  }

  /** Bytes of the log not yet acknowledged by the broker. */
  long lagBytes() {
    return log.end() - Math.max(log.cursor(CURSOR), log.start());
  }

  String describe() {
    String servers;
    try {
      servers = bootstrapServers.get();
    } catch (IllegalStateException notStarted) {
      servers = "a broker that is not started";
    }
    return topic + " on " + servers;
  }

  private void loop() {
    while (running) {
      KafkaProducer<byte[], byte[]> producer = null;
      try {
        producer = newProducer();
        forward(producer);
        producer.close(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closeNow(producer);
        return;
      } catch (Exception e) {
        connected = false;
        closeNow(producer);
        if (running) {
          LOG.warn("forwarding collected events to Kafka {} failed, retrying: {}", describe(), e.toString());
          sleep(1000);
        }
      }
    }
  }

  private void forward(KafkaProducer<byte[], byte[]> producer) throws Exception {
    long position = Math.max(log.cursor(CURSOR), log.start());
    while (running) {
      List<LogEntry> entries = log.read(position, CHUNK);
      if (entries.isEmpty()) {
        Thread.sleep(5);
        continue;
      }
      List<Future<RecordMetadata>> sent = new ArrayList<>(entries.size());
      for (LogEntry e : entries) {
        sent.add(producer.send(new ProducerRecord<>(topic, e.key(), e.value())));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get(2, TimeUnit.MINUTES);
      }
      position = entries.get(entries.size() - 1).next();
      log.commit(CURSOR, position);
      connected = true;
    }
  }

  private KafkaProducer<byte[], byte[]> newProducer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
        ProducerConfig.CLIENT_ID_CONFIG, "cairn-collector"),
        new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void closeNow(KafkaProducer<byte[], byte[]> producer) {
    if (producer != null) {
      try {
        producer.close(Duration.ZERO);
      } catch (RuntimeException e) {
        LOG.debug("closing the Kafka producer: {}", e.toString());
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(Duration.ofMillis(ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
