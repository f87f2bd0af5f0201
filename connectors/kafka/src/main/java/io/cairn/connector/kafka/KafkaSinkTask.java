package io.cairn.connector.kafka;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces each row as a JSON record value with {@code acks=all} and idempotence. {@link #send} queues the
 * batch for the task's sender thread, which encodes its rows and hands them to the producer in batch order, and
 * returns a stage that completes when the producer is done with every record: with the count when all were
 * acknowledged, else failing with the first cause (never before the last record is done), so the host
 * reads and sends the next batches meanwhile; {@link #write} also flushes and waits for that stage within the
 * timeout. {@link #stop} fails the stages of batches still queued.
 */
final class KafkaSinkTask implements SinkTask {
  private final Config config;
  private final String topic;
  private final Codec codec;
  private DatasetRef dataset;
  private long timeoutMs;
  private volatile KafkaProducer<byte[], byte[]> producer;
  private ExecutorService sender;

  KafkaSinkTask(Config config) {
    this.config = config;
    this.topic = config.string(KafkaSettings.TOPIC);
    this.codec = Codec.of(config, false);
  }

  @Override
  public void start(TaskContext context) {
    dataset = KafkaSettings.dataset(config, topic);
    timeoutMs = config.longValue(KafkaSettings.TIMEOUT_MS);
    Map<String, Object> p = KafkaSettings.producer(config, "cairn-sink-" + context.flowId() + "-"
        + context.runId());
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    sender = Executors.newSingleThreadExecutor(r -> KafkaSettings.pluginThread("cairn-kafka-sink-" + context.flowId(),
        r));
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public CompletionStage<Long> send(Batch batch) {
    return queue(batch).acked;
  }

  @Override
  public long write(Batch batch) throws Exception {
    Job job = queue(batch);
    try {
      job.handedOver.get(); // each send blocks at most max.block.ms, and a record that could not be sent fails it
      producer.flush();
      return job.acked.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      throw new IOException("Kafka did not acknowledge every record for " + dataset + " within " + timeoutMs
          + " ms", e);
    }
  }

  private Job queue(Batch batch) {
    Job job = new Job(batch, new CompletableFuture<>(), new CompletableFuture<>());
    try {
      sender.execute(job);
    } catch (RejectedExecutionException e) {
      job.fail(new IOException("the Kafka sink for " + dataset + " was stopped"));
    }
    return job;
  }

  /**
   * One batch for the sender thread: {@code handedOver} completes once its records are with the producer,
   * {@code acked} once the brokers acknowledged them all.
   */
  private final class Job implements Runnable {
    final Batch batch;
    final CompletableFuture<Long> acked;
    final CompletableFuture<Void> handedOver;

    Job(Batch batch, CompletableFuture<Long> acked, CompletableFuture<Void> handedOver) {
      this.batch = batch;
      this.acked = acked;
      this.handedOver = handedOver;
    }

    @Override
    public void run() {
      try {
        int keyIndex = config.has(KafkaSettings.KEY_COLUMN)
            ? batch.schema().require(config.string(KafkaSettings.KEY_COLUMN)) : -1;
        AtomicInteger waiting = new AtomicInteger(batch.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback callback = (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
          if (waiting.decrementAndGet() == 0) {
            finish(failure.get());
          }
        };
        if (batch.isEmpty()) {
          acked.complete(0L);
        }
        int skipped = 0;
        for (Row row : batch.rows()) {
          if (failure.get() != null) {
            skipped++; // the batch failed already: the rest of it is not sent at all
            continue;
          }
          Object key = keyIndex < 0 ? row.subjectId() : row.get(keyIndex);
          producer.send(new ProducerRecord<>(topic, key == null ? null : key.toString().getBytes(
              StandardCharsets.UTF_8), codec.encode(batch.schema(), row)), callback);
        }
        if (skipped > 0 && waiting.addAndGet(-skipped) == 0) {
          finish(failure.get());
        }
        handedOver.complete(null);
      } catch (RuntimeException e) {
        fail(e);
      }
    }

    private void finish(Exception first) {
      if (first == null) {
        acked.complete((long) batch.size());
      } else {
        acked.completeExceptionally(new IOException("Kafka did not acknowledge a record for " + dataset + ": "
            + first.getMessage(), first));
      }
    }

    void fail(Exception cause) {
      acked.completeExceptionally(cause);
      handedOver.completeExceptionally(cause);
    }
  }

  @Override
  public void stop() {
    if (sender != null) {
      for (Runnable queued : sender.shutdownNow()) {
        ((Job) queued).fail(new IOException("the Kafka sink for " + dataset + " was stopped before sending"));
      }
    }
    KafkaProducer<byte[], byte[]> p = producer;
    producer = null;
    if (p != null) {
      p.close(Duration.ofSeconds(5));
    }
  }
}
