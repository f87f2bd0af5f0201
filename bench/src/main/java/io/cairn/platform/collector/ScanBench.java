package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import io.cairn.bench.collector.SegmentBatches;
import io.cairn.governance.consent.ConsentSignal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A single-threaded microbenchmark of the collector's request path without the log: {@link ParsedBody#batch},
 * each event's validation and {@link Collector#stamp} (the splice into a record batch), over the collector
 * benchmark's batches ({@link SegmentBatches}: 100 track events, about 36 KB). It prints the thread's CPU time per
 * batch for each round, then the median and the best round, and the process's CPU time per batch over all the
 * measured rounds (which adds the garbage collector's and the compiler's; the operating system counts it too
 * coarsely to take it per round).
 *
 * <p>It lives in the collector's package (whose classes are package-private) and needs the platform's classes and
 * dependencies on the class path. After {@code mvn -pl platform,bench compile} and {@code mvn -pl platform
 * dependency:build-classpath -Dmdep.outputFile=target/platform.cp}: {@code java -cp
 * "bench/target/classes:platform/target/classes:$(cat platform/target/platform.cp)"
 * io.cairn.platform.collector.ScanBench [--batches 2000] [--rounds 15] [--warmup 10]} (the warm-up rounds are not
 * reported). Hold the machine's benchmark lock while it runs.
 */
public final class ScanBench {
  private static final int EVENTS = 100;

  private ScanBench() {}

  public static void main(String[] args) throws Exception {
    int batches = 2000;
    int rounds = 15;
    int warmup = 10;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--batches" -> batches = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    byte[][] bodies = new byte[batches][];
    for (int i = 0; i < batches; i++) {
      bodies[i] = SegmentBatches.batch(i % 32, i, EVENTS);
    }
    ObjectMapper json = new ObjectMapper();
    // stamping reads neither the write keys, the log, the rate limits nor the consent capture
    Collector collector = new Collector(json, null, null, null, null, 32 * 1024, 500 * 1024);
    RequestMeta meta = new RequestMeta(null, "203.0.113.9", "analytics-java/3.5.4", null, null, false,
        Instant.parse("2026-11-24T10:00:01.500Z"));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    double[] perBatch = new double[rounds];
    long records = 0;
    long process = 0;
    for (int r = -warmup; r < rounds; r++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long all = os.getProcessCpuTime();
      for (byte[] body : bodies) {
        records += accept(json, collector, body, meta);
      }
      if (r >= 0) {
        perBatch[r] = (threads.getCurrentThreadCpuTime() - cpu) / (double) batches;
        process += os.getProcessCpuTime() - all;
        System.out.printf(Locale.ROOT, "round %2d: %,10.0f ns/batch%n", r, perBatch[r]);
      }
    }
    Arrays.sort(perBatch);
    System.out.printf(Locale.ROOT, "thread median %,.0f best %,.0f ns/batch; process %,.0f ns/batch (%d records)%n",
        perBatch[rounds / 2], perBatch[0], process / ((double) rounds * batches), records);
  }

  /** What {@link Collector#acceptAsync} does for a batch before it appends to the log; returns the records. */
  private static int accept(ObjectMapper json, Collector collector, byte[] body, RequestMeta meta)
      throws CollectorException {
    ParsedBody parsed = ParsedBody.batch(json, body, body.length, 32 * 1024);
    List<RawEvent> events = parsed.events();
    for (int i = 0; i < events.size(); i++) {
      events.get(i).validate(null, i);
    }
    List<ConsentSignal> signals = new ArrayList<>();
    return collector.stamp(parsed, body, body.length, null, 1, meta, signals).count() + signals.size();
  }
}
