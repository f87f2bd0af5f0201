package io.cairn.bench.collector;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts pre-built Segment batches from {@code concurrency} threads, each waiting for its answer before the next
 * (closed loop), for a warm-up and then a measured period; {@link #combine} turns the periods of one target into
 * events per second and request latencies.
 */
final class LoadGenerator {
  static final int EVENTS_PER_BATCH = 100;
  private static final int BODIES_PER_WORKER = 8;

  /** A measured run. */
  record Result(String name, double eventsPerSecond, double p50Millis, double p99Millis, long requests, long errors,
      String firstError) {}

  /** One measured period: its successful requests' latencies in nanoseconds, its length and its errors. */
  record Period(long[] latencies, long elapsedNanos, long errors, String firstError) {}

  /** The periods of one target taken together: events over their summed time, percentiles over all requests. */
  static Result combine(String name, List<Period> periods) {
    long elapsed = 0;
    long errors = 0;
    String firstError = null;
    int total = 0;
    for (Period p : periods) {
      elapsed += p.elapsedNanos();
      errors += p.errors();
      firstError = firstError != null ? firstError : p.firstError();
      total += p.latencies().length;
    }
    long[] all = new long[total];
    int at = 0;
    for (Period p : periods) {
      System.arraycopy(p.latencies(), 0, all, at, p.latencies().length);
      at += p.latencies().length;
    }
    Arrays.sort(all);
    return new Result(name, total * (double) EVENTS_PER_BATCH / (elapsed / 1e9), percentile(all, 0.50),
        percentile(all, 0.99), total, errors, firstError);
  }

  private final int concurrency;
  private final Duration warmup;
  private final Duration measured;

  LoadGenerator(int concurrency, Duration warmup, Duration measured) {
    this.concurrency = concurrency;
    this.warmup = warmup;
    this.measured = measured;
  }

  /**
   * @param keys one write key per worker (sent as Basic user name)
   */
  Period run(String url, List<String> keys) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<long[]> latencies = new ArrayList<>();
    int[] counts = new int[concurrency];
    CountDownLatch done = new CountDownLatch(concurrency);
    for (int w = 0; w < concurrency; w++) {
      int worker = w;
      long[] mine = new long[1 << 20];
      latencies.add(mine);
      String auth = "Basic " + Base64.getEncoder().encodeToString((keys.get(w) + ":").getBytes(StandardCharsets.UTF_8));
      List<byte[]> bodies = new ArrayList<>();
      for (int b = 0; b < BODIES_PER_WORKER; b++) {
        bodies.add(SegmentBatches.batch(worker, b, EVENTS_PER_BATCH));
      }
      Thread.ofPlatform().name("load-" + w).daemon().start(() -> {
        try {
          for (long i = 0; !stop.get(); i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url + "/v1/batch"))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get((int) (i % bodies.size())))).build();
            long t0 = System.nanoTime();
            int status;
            String body;
            try {
              HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
              status = r.statusCode();
              body = r.body();
            } catch (java.io.IOException e) {
              status = -1;
              body = e.toString();
            }
            long took = System.nanoTime() - t0;
            if (measuring.get()) {
              if (status == 200) {
                if (counts[worker] < mine.length) {
                  mine[counts[worker]++] = took;
                }
              } else {
                errors.incrementAndGet();
                firstError.compareAndSet(null, status + ": " + body);
              }
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      });
    }
    Thread.sleep(warmup.toMillis());
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(measured.toMillis());
    measuring.set(false);
    long elapsed = System.nanoTime() - start;
    stop.set(true);
    done.await();
    client.close();
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int w = 0; w < concurrency; w++) {
      System.arraycopy(latencies.get(w), 0, all, at, counts[w]);
      at += counts[w];
    }
    return new Period(all, elapsed, errors.get(), firstError.get());
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
