package io.cairn.connector.kafka;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces each row as a JSON record value with {@code acks=all} and idempotence; {@link #write} returns when
 * every record of the batch was acknowledged and fails, naming the cause, when one was not within the timeout.
 */
final class KafkaSinkTask implements SinkTask {
  private final Config config;
  private final String topic;
  private final Codec codec;
  private DatasetRef dataset;
  private volatile KafkaProducer<byte[], byte[]> producer;

  KafkaSinkTask(Config config) {
    this.config = config;
    this.topic = config.string(KafkaSettings.TOPIC);
    this.codec = Codec.of(config, false);
  }

  @Override
  public void start(TaskContext context) {
    dataset = KafkaSettings.dataset(config, topic);
    long timeoutMs = config.longValue(KafkaSettings.TIMEOUT_MS);
    Map<String, Object> p = KafkaSettings.client(config, "cairn-sink-" + context.flowId() + "-" + context.runId());
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("linger.ms", "5");
    p.put("compression.type", "lz4");
    p.put("request.timeout.ms", Long.toString(Math.max(1000, timeoutMs / 2)));
    p.put("delivery.timeout.ms", Long.toString(Math.max(1000, timeoutMs / 2) + 5 + 1000));
    p.put("max.block.ms", Long.toString(timeoutMs));
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public long write(Batch batch) throws Exception {
    int keyIndex = config.has(KafkaSettings.KEY_COLUMN) ? batch.schema().require(config.string(KafkaSettings.KEY_COLUMN))
        : -1;
    List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
    for (Row row : batch.rows()) {
      Object key = keyIndex < 0 ? row.subjectId() : row.get(keyIndex);
      sent.add(producer.send(new ProducerRecord<>(topic, key == null ? null : key.toString().getBytes(
          StandardCharsets.UTF_8), codec.encode(batch.schema(), row))));
    }
    producer.flush();
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new java.io.IOException("Kafka did not acknowledge a record for " + dataset + ": "
            + e.getCause().getMessage(), e.getCause());
      }
    }
    return batch.size();
  }

  @Override
  public void stop() {
    KafkaProducer<byte[], byte[]> p = producer;
    producer = null;
    if (p != null) {
      p.close(Duration.ofSeconds(5));
    }
  }
}
