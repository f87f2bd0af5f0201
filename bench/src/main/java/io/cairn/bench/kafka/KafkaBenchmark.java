package io.cairn.bench.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.bench.server.CairnApi;
import io.cairn.bench.server.CairnServer;
import io.cairn.kafka.broker.EmbeddedKafka;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * (a) a Cairn flow {@code cairn:source:kafka -> cairn:sink:kafka} (every governance hook on: policy, lineage,
 * classification, quality metrics) and (b) a bare relay in this JVM (consume, parse the JSON, produce, flush,
 * commit) move the same backlog of events between topics of one embedded broker; then both relay events
 * produced at a steady rate, and the latency of each event is its output record's timestamp minus its input
 * record's. Both count every event at the output, by id, so a loss or a duplicate fails the run.
 */
public final class KafkaBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofMinutes(10);

  private final PrintStream err;

  public KafkaBenchmark(PrintStream err) {
    this.err = err;
  }

  /**
   * One system's figures.
   *
   * @param eventsPerSecond events over the backlog divided by the time from start to the last output record
   * @param p50Millis median latency at the steady rate
   * @param p99Millis 99th percentile latency at the steady rate
   * @param error why it failed, or null
   */
  public record Figures(Double eventsPerSecond, Double p50Millis, Double p99Millis, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  /** The run: its sizes and both systems' figures. */
  public record Result(long events, int steadyRate, Figures cairn, Figures bare) {
    /** Cairn's events/s over the bare relay's, or null. */
    public Double ratio() {
      return cairn.ok() && bare.ok() ? cairn.eventsPerSecond() / bare.eventsPerSecond() : null;
    }
  }

  public Result run(CairnServer server, Path work, long events, int steadyRate) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
      String bootstrap = kafka.bootstrapServers();
      Figures cairn = measure("Cairn", bootstrap, events, steadyRate, (in, out) -> new CairnRelay(server.api(),
          bootstrap, in, out));
      Figures bare = measure("bare relay", bootstrap, events, steadyRate, (in, out) -> new BareRelay(bootstrap, in,
          out));
      return new Result(events, steadyRate, cairn, bare);
    }
  }

  /** A relay from one topic to another that runs until closed. */
  interface Relay extends AutoCloseable {
    void start() throws Exception;

    @Override
    void close() throws Exception;
  }

  interface RelayFactory {
    Relay create(String in, String out);
  }

  private Figures measure(String name, String bootstrap, long events, int rate, RelayFactory factory) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String in = "bench-in-" + run;
    String out = "bench-out-" + run;
    try {
      err.printf("cairn bench: kafka, %s: producing %,d events...%n", name, events);
      produce(bootstrap, in, 0, events, 0);
      try (Relay relay = factory.create(in, out); OutputCounter counter = new OutputCounter(bootstrap, out)) {
        long started = System.currentTimeMillis();
        relay.start();
        long last = counter.await(events, PATIENCE);
        double seconds = Math.max(1, last - started) / 1000.0;
        err.printf("cairn bench: kafka, %s: %,d events in %.2f s; steady rate %,d/s for latency...%n", name,
            events, seconds, rate);
        long steady = Math.max(rate * 5L, 1000);
        produce(bootstrap, in, events, steady, rate);
        counter.await(events + steady, PATIENCE);
        counter.readInputTimestamps(bootstrap, in, events, events + steady);
        double[] latencies = counter.latencies(events, events + steady);
        return new Figures(events / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99), null);
      }
    } catch (Exception e) {
      err.printf("cairn bench: kafka, %s failed: %s%n", name, e);
      return new Figures(null, null, null, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** Produces events [from, from+n) as JSON; paced at {@code rate} per second when rate > 0. */
  static void produce(String bootstrap, String topic, long from, long n, int rate) throws Exception {
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
        "linger.ms", "5", "batch.size", "262144", "compression.type", "lz4", "acks", "all"),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      long begin = System.nanoTime();
      for (long i = from; i < from + n; i++) {
        if (rate > 0 && (i - from) % 100 == 0) {
          long due = begin + (long) ((i - from) * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
        byte[] value = ("{\"id\":" + i + ",\"user\":\"u" + (i % 10_000) + "\",\"event\":\"page_view\","
            + "\"path\":\"/products/" + (i % 500) + "\"}").getBytes(StandardCharsets.UTF_8);
        p.send(new ProducerRecord<>(topic, null, value));
      }
      p.flush();
    }
  }

  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /**
   * Reads the output topic in the background and keeps, per event id, its output timestamp and latency (output
   * record timestamp minus the input timestamp the event carries in its id's input record).
   */
  static final class OutputCounter implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<Long, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long duplicates;
    private volatile long lastTimestamp;

    OutputCounter(String bootstrap, String topic) {
      consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "group.id", "bench-" + UUID.randomUUID(),
          "auto.offset.reset", "earliest", "max.poll.records", "5000"), new ByteArrayDeserializer(),
          new ByteArrayDeserializer());
      consumer.subscribe(List.of(topic));
      thread = new Thread(this::loop, "bench-output-counter");
      thread.start();
    }

    private void loop() {
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          try {
            JsonNode event = JSON.readTree(r.value());
            long id = event.path("id").asLong();
            if (seen.putIfAbsent(id, r.timestamp()) != null) {
              duplicates++;
            }
            lastTimestamp = Math.max(lastTimestamp, r.timestamp());
          } catch (java.io.IOException e) {
            duplicates++;
          }
        }
      }
      consumer.close();
    }

    /** Waits for {@code n} distinct events; returns the latest output timestamp. */
    long await(long n, Duration patience) throws InterruptedException {
      long deadline = System.nanoTime() + patience.toNanos();
      while (seen.size() < n) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(seen.size() + " of " + n + " events arrived in " + patience);
        }
        Thread.sleep(20);
      }
      if (duplicates > 0) {
        throw new IllegalStateException(duplicates + " duplicate or unreadable events at the output");
      }
      return lastTimestamp;
    }

    /** Sorted latencies in ms of events [from, to), against their input timestamps (read from the input). */
    double[] latencies(long from, long to) {
      double[] out = new double[(int) (to - from)];
      for (long id = from; id < to; id++) {
        Long input = inputTimestamps.get(id);
        if (input == null) {
          throw new IllegalStateException("event " + id + " was not found in the input topic");
        }
        out[(int) (id - from)] = seen.get(id) - input;
      }
      Arrays.sort(out);
      return out;
    }

    private final Map<Long, Long> inputTimestamps = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads the input topic's timestamps of events [from, to) (their CreateTime at the producer). */
    void readInputTimestamps(String bootstrap, String topic, long from, long to) {
      try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
          "group.id", "bench-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "max.poll.records", "5000"),
          new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        c.subscribe(List.of(topic));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (inputTimestamps.size() < to - from && System.nanoTime() < deadline) {
          for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
            try {
              long id = JSON.readTree(r.value()).path("id").asLong();
              if (id >= from && id < to) {
                inputTimestamps.put(id, r.timestamp());
              }
            } catch (java.io.IOException e) {
              // not one of ours
            }
          }
        }
      }
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(10_000);
    }
  }

  /** The Cairn flow, deployed and started through REST; stopped and removed on close. */
  static final class CairnRelay implements Relay {
    private final CairnApi api;
    private final String bootstrap;
    private final String in;
    private final String out;
    private final String flow = "bench-kafka-" + UUID.randomUUID().toString().substring(0, 8);

    CairnRelay(CairnApi api, String bootstrap, String in, String out) {
      this.api = api;
      this.bootstrap = bootstrap;
      this.in = in;
      this.out = out;
    }

    @Override
    public void start() {
      CairnApi.expect(201, api.deployFlow(flow, """
          - route:
              from:
                uri: "cairn:source:kafka"
                parameters: {bootstrapServers: "%s", topic: %s, columns: "id:LONG,user,event,path", subjectColumn: user}
                steps:
                  - to: {uri: "cairn:sink:kafka", parameters: {bootstrapServers: "%s", topic: %s, keyColumn: user}}
          """.formatted(bootstrap, in, bootstrap, out)));
      api.startFlow(flow);
    }

    @Override
    public void close() {
      api.stopFlow(flow);
      api.deleteFlow(flow);
    }
  }

  /** The baseline: the same relay with the Kafka clients alone, at-least-once like Cairn's. */
  static final class BareRelay implements Relay {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String out;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    BareRelay(String bootstrap, String in, String out) {
      this.out = out;
      consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "group.id", "bare-" + in,
          "auto.offset.reset", "earliest", "enable.auto.commit", "false", "max.poll.records", "1000"),
          new ByteArrayDeserializer(), new ByteArrayDeserializer());
      consumer.subscribe(List.of(in));
      producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence",
          "true", "linger.ms", "5", "compression.type", "lz4"), new ByteArraySerializer(), new ByteArraySerializer());
      thread = new Thread(this::loop, "bench-bare-relay");
    }

    @Override
    public void start() {
      thread.start();
    }

    private void loop() {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      while (running.get()) {
        var records = consumer.poll(Duration.ofMillis(100));
        if (records.isEmpty()) {
          continue;
        }
        try {
          for (ConsumerRecord<byte[], byte[]> r : records) {
            JsonNode event = JSON.readTree(r.value());
            byte[] key = event.path("user").asText().getBytes(StandardCharsets.UTF_8);
            sent.add(producer.send(new ProducerRecord<>(out, key, JSON.writeValueAsBytes(event))));
          }
          producer.flush();
          for (var f : sent) {
            f.get();
          }
          sent.clear();
          consumer.commitSync();
        } catch (Exception e) {
          throw new IllegalStateException("bare relay failed", e);
        }
      }
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(30_000);
      consumer.close();
      producer.close();
    }
  }
}
