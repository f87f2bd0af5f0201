package io.cairn.bench.lifecycle;

import java.time.Duration;
import java.util.List;

/**
 * Repeated timings of one thing, in milliseconds, in the order taken.
 *
 * @param medianMillis the median (the mean of the middle two for an even count)
 */
public record Timings(List<Double> millis, double medianMillis) {
  static Timings of(List<Duration> durations) {
    if (durations.isEmpty()) {
      throw new IllegalArgumentException("no timings");
    }
    List<Double> ms = durations.stream().map(d -> Math.round(d.toNanos() / 1e4) / 100.0).toList();
    List<Double> sorted = ms.stream().sorted().toList();
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Timings(ms, median);
  }
}
