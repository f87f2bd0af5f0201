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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * (a) a Cairn flow {@code cairn:source:kafka -> cairn:sink:kafka} (every governance hook on: policy, lineage,
 * classification, quality metrics) and (b) a bare relay in this JVM (consume, parse the JSON, produce, flush,
 * commit) move the same backlog of events between topics of one embedded broker; then both relay events
 * produced at a steady rate, and the latency of each event is its output record's timestamp minus its input
 * record's. Both count every event at the output, by id, so a loss or a duplicate fails the run. Throughput is
 * taken from the first output record to the last, so that starting the relay (for Cairn: deploying and starting
 * the flow through REST, opening its clients, joining the group) is not counted as relaying; that start-up time
 * is reported beside it.
 */
public final class KafkaBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** As the Cairn sink's default, for the event producer and the bare relay alike. */
  private static final String COMPRESSION = "none";
  private static final Duration PATIENCE = Duration.ofMinutes(10);

  private final PrintStream err;

  public KafkaBenchmark(PrintStream err) {
    this.err = err;
  }

  /**
   * One system's figures.
   *
   * @param eventsPerSecond events of the backlog divided by the time from the first output record to the last
   * @param startSeconds from starting the relay to the first output record
   * @param cpuMicrosPerEvent CPU time the relay's threads used from the first output record to the last, per
   *     event, without the JVM's garbage collector and JIT compiler threads (which the bare relay shares with
   *     the broker in this JVM): a figure less swayed than events/s by other work on a shared machine
   * @param p50Millis median latency at the steady rate
   * @param p99Millis 99th percentile latency at the steady rate
   * @param error why it failed, or null
   */
  public record Figures(Double eventsPerSecond, Double startSeconds, Double cpuMicrosPerEvent, Double p50Millis,
      Double p99Millis, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  /** The run: its sizes and both systems' figures. */
  public record Result(long events, int steadyRate, int partitions, int consumers, Figures cairn, Figures bare) {
    /** Cairn's events/s over the bare relay's, or null. */
    public Double ratio() {
      return cairn.ok() && bare.ok() ? cairn.eventsPerSecond() / bare.eventsPerSecond() : null;
    }

    /** Cairn's CPU time per event over the bare relay's, or null. */
    public Double cpuRatio() {
      return cairn.ok() && bare.ok() && bare.cpuMicrosPerEvent() > 0
          ? cairn.cpuMicrosPerEvent() / bare.cpuMicrosPerEvent() : null;
    }
  }

  /**
   * Runs both relays over topics of {@code partitions} partitions, each relay with {@code consumers} consumers of
   * its group (Cairn: the source's {@code consumers}; the bare relay: that many threads, each with its consumer,
   * sharing one producer as Cairn's flow shares its sink's).
   */
  public Result run(CairnServer server, Path work, long events, int steadyRate, int partitions, int consumers)
      throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
      String bootstrap = kafka.bootstrapServers();
      Figures cairn = measure("Cairn", bootstrap, events, steadyRate, partitions, (in, out) -> new CairnRelay(server,
          bootstrap, in, out, consumers));
      Figures bare = measure("bare relay", bootstrap, events, steadyRate, partitions, (in, out) -> new BareRelay(
          bootstrap, in, out, consumers));
      return new Result(events, steadyRate, partitions, consumers, cairn, bare);
    }
  }

  /** A relay from one topic to another that runs until closed. */
  interface Relay extends AutoCloseable {
    void start() throws Exception;

    /** The CPU time the relay's threads used so far, without the JVM's garbage collector and JIT threads. */
    Duration cpuTime();

    @Override
    void close() throws Exception;
  }

  interface RelayFactory {
    Relay create(String in, String out);
  }

  private Figures measure(String name, String bootstrap, long events, int rate, int partitions,
      RelayFactory factory) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String in = "bench-in-" + run;
    String out = "bench-out-" + run;
    try {
      createTopics(bootstrap, partitions, in, out);
      err.printf("cairn bench: kafka, %s: producing %,d events...%n", name, events);
      produce(bootstrap, in, 0, events, 0);
      try (Relay relay = factory.create(in, out); OutputCounter counter = new OutputCounter(bootstrap, out,
          events + steadyEvents(rate))) {
        long started = System.currentTimeMillis();
        relay.start();
        counter.await(1, PATIENCE);
        Duration cpuAtFirst = relay.cpuTime();
        Duration processAtFirst = relay instanceof CairnRelay c ? c.processCpuTime() : Duration.ZERO;
        long last = counter.await(events, PATIENCE);
        double cpuMicros = (relay.cpuTime().minus(cpuAtFirst).toNanos() / 1000.0) / events;
        if (relay instanceof CairnRelay c) {
          err.printf("cairn bench: kafka, %s: the whole server process, GC and JIT included: %.2f CPU µs per "
              + "event%n", name, (c.processCpuTime().minus(processAtFirst).toNanos() / 1000.0) / events);
        }
        double seconds = Math.max(1, last - counter.firstTimestamp) / 1000.0;
        double start = (counter.firstTimestamp - started) / 1000.0;
        err.printf("cairn bench: kafka, %s: %,d events in %.2f s after the first, which came %.2f s after the "
            + "start, using %.2f CPU µs per event; steady rate %,d/s for latency...%n", name, events, seconds, start,
            cpuMicros, rate);
        long steady = steadyEvents(rate);
        produce(bootstrap, in, events, steady, rate);
        counter.await(events + steady, PATIENCE);
        counter.readInputTimestamps(bootstrap, in, events, events + steady);
        double[] latencies = counter.latencies(events, events + steady);
        return new Figures(events / seconds, start, cpuMicros, percentile(latencies, 0.50),
            percentile(latencies, 0.99), null);
      }
    } catch (Exception e) {
      err.printf("cairn bench: kafka, %s failed: %s%n", name, e);
      return new Figures(null, null, null, null, null, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** Events of the latency phase: five seconds at the rate, at least 1,000. */
  private static long steadyEvents(int rate) {
    return Math.max(rate * 5L, 1000);
  }

  /**
   * Creates the topics with the partitions (one replica: the broker is alone) and returns once the broker leads
   * every partition: it answers a list-offsets request for each, which only a partition's leader does (the
   * admin client tries again while it is not yet; this asks again while the new topics are unknown to the
   * metadata it reads, which happened in about one run of ten). Producing earlier can meet
   * NOT_LEADER_OR_FOLLOWER, and the idempotent producer's retry of it an out-of-order sequence that it retries for
   * ever.
   */
  static void createTopics(String bootstrap, int partitions, String... topics) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(Arrays.stream(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all()
          .get();
      Map<TopicPartition, OffsetSpec> all = new java.util.HashMap<>();
      for (String topic : topics) {
        for (int p = 0; p < partitions; p++) {
          all.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
      }
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (true) {
        try {
          admin.listOffsets(all).all().get(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
          return;
        } catch (java.util.concurrent.ExecutionException e) {
          // just created, the topic may be missing from the metadata the admin client asks first: ask again
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
              || System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(100);
        }
      }
    }
  }

  /** Produces events [from, from+n) as JSON; paced at {@code rate} per second when rate > 0. */
  static void produce(String bootstrap, String topic, long from, long n, int rate) throws Exception {
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
        "linger.ms", "5", "batch.size", "262144", "compression.type", COMPRESSION, "acks", "all"),
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
   * Reads the output topic in the background and keeps, per event id, its output timestamp; latencies are output
   * timestamps minus the input timestamps of the same ids. It reads only each record's {@code id} (a streaming
   * parser that stops there, see {@link EventIds}), so that the instrument takes little of the CPU it shares
   * with what it measures; an id seen twice, out of range or unreadable fails the run.
   */
  static final class OutputCounter implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Output timestamp per id, 0 while unseen; written by the counter thread, published by {@link #count}. */
    private final long[] seen;
    private final long[] inputTimestamps;
    private volatile long count;
    private volatile long duplicates;
    private volatile long lastTimestamp;
    private volatile long firstTimestamp = Long.MAX_VALUE;

    /** Counts events with ids in [0, ids). */
    OutputCounter(String bootstrap, String topic, long ids) {
      seen = new long[Math.toIntExact(ids)];
      inputTimestamps = new long[seen.length];
      consumer = reader(bootstrap, topic);
      thread = new Thread(this::loop, "bench-output-counter");
      thread.start();
    }

    private static KafkaConsumer<byte[], byte[]> reader(String bootstrap, String topic) {
      KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
          "group.id", "bench-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "max.poll.records", "5000"),
          new ByteArrayDeserializer(), new ByteArrayDeserializer());
      c.subscribe(List.of(topic));
      return c;
    }

    private void loop() {
      long n = 0;
      long bad = 0;
      while (running.get()) {
        var records = consumer.poll(Duration.ofMillis(100));
        if (records.isEmpty()) {
          continue;
        }
        long first = firstTimestamp;
        long last = lastTimestamp;
        for (ConsumerRecord<byte[], byte[]> r : records) {
          long id = EventIds.id(r.value());
          long ts = Math.max(1, r.timestamp());
          if (id < 0 || id >= seen.length || seen[(int) id] != 0) {
            bad++;
            continue;
          }
          seen[(int) id] = ts;
          n++;
          last = Math.max(last, ts);
          first = Math.min(first, ts);
        }
        firstTimestamp = first;
        lastTimestamp = last;
        duplicates = bad;
        count = n; // publishes the array entries written before it
      }
      consumer.close();
    }

    /** Waits for {@code n} distinct events; returns the latest output timestamp. */
    long await(long n, Duration patience) throws InterruptedException {
      long deadline = System.nanoTime() + patience.toNanos();
      while (count < n) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(count + " of " + n + " events arrived in " + patience);
        }
        Thread.sleep(20);
      }
      if (duplicates > 0) {
        throw new IllegalStateException(duplicates + " duplicate, unexpected or unreadable events at the output");
      }
      return lastTimestamp;
    }

    /** Sorted latencies in ms of events [from, to), against their input timestamps (read from the input). */
    double[] latencies(long from, long to) {
      double[] out = new double[(int) (to - from)];
      for (int id = (int) from; id < to; id++) {
        if (inputTimestamps[id] == 0) {
          throw new IllegalStateException("event " + id + " was not found in the input topic");
        }
        out[(int) (id - from)] = seen[id] - inputTimestamps[id];
      }
      Arrays.sort(out);
      return out;
    }

    /** Reads the input topic's timestamps of events [from, to) (their CreateTime at the producer). */
    void readInputTimestamps(String bootstrap, String topic, long from, long to) {
      try (KafkaConsumer<byte[], byte[]> c = reader(bootstrap, topic)) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long found = 0;
        while (found < to - from && System.nanoTime() < deadline) {
          for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
            long id = EventIds.id(r.value());
            if (id >= from && id < to && inputTimestamps[(int) id] == 0) {
              inputTimestamps[(int) id] = Math.max(1, r.timestamp());
              found++;
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
    private final CairnServer server;
    private final CairnApi api;
    private final String bootstrap;
    private final String in;
    private final String out;
    private final int consumers;
    private final String flow = "bench-kafka-" + UUID.randomUUID().toString().substring(0, 8);

    CairnRelay(CairnServer server, String bootstrap, String in, String out, int consumers) {
      this.server = server;
      this.consumers = consumers;
      this.api = server.api();
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
                parameters: {bootstrapServers: "%s", topic: %s, columns: "id:LONG,user,event,path", subjectColumn: user,
                  consumers: %d}
                steps:
                  - to: {uri: "cairn:sink:kafka", parameters: {bootstrapServers: "%s", topic: %s, keyColumn: user}}
          """.formatted(bootstrap, in, consumers, bootstrap, out)));
      api.startFlow(flow);
    }

    /** The server's threads: the flow's and whatever else the server does meanwhile, GC and JIT aside. */
    @Override
    public Duration cpuTime() {
      return server.applicationCpuTime();
    }

    /** The whole server process, GC and JIT included. */
    Duration processCpuTime() {
      return server.cpuTime();
    }

    @Override
    public void close() {
      api.stopFlow(flow);
      api.deleteFlow(flow);
    }
  }

  /**
   * The baseline: the same relay with the Kafka clients alone, at-least-once like Cairn's: one thread per
   * consumer of the group, sharing one producer.
   */
  static final class BareRelay implements Relay {
    private static final String CLIENT = "bench-bare-relay";
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final String out;
    private final AtomicBoolean running = new AtomicBoolean(true);

    BareRelay(String bootstrap, String in, String out, int n) {
      this.out = out;
      producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "client.id", CLIENT + "-producer",
          "acks", "all", "enable.idempotence",
          "true", "linger.ms", "5", "batch.size", "262144", "compression.type", COMPRESSION), new ByteArraySerializer(),
          new ByteArraySerializer());
      for (int i = 0; i < n; i++) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
            "group.id", "bare-" + in, "client.id", CLIENT + "-consumer-" + i,
            "auto.offset.reset", "earliest", "enable.auto.commit", "false", "max.poll.records", "2000"),
            new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(in));
        consumers.add(consumer);
        threads.add(new Thread(() -> loop(consumer), CLIENT + "-" + i));
      }
    }

    @Override
    public void start() {
      threads.forEach(Thread::start);
    }

    /** The relay threads and their clients' threads (the producer's sender, the consumers' heartbeats). */
    @Override
    public Duration cpuTime() {
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long nanos = 0;
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().contains(CLIENT) || t.getName().contains("bare-bench-in-")) {
          nanos += Math.max(0, mx.getThreadCpuTime(t.threadId()));
        }
      }
      return Duration.ofNanos(nanos);
    }

    private void loop(KafkaConsumer<byte[], byte[]> consumer) {
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
      for (Thread t : threads) {
        t.join(30_000);
      }
      consumers.forEach(KafkaConsumer::close);
      producer.close();
    }
  }
}
