package io.cairn.bench.lineage;

import java.util.function.IntToLongFunction;

/** Latencies of one query run many times, alternating with its baseline so both see the same machine. */
final class Latency {
  private static final int WARMUP = 20;

  /** Milliseconds per call, and the mean of what each call returned (a size: nodes, edges or bytes). */
  record Series(double[] millis, double meanResult) {
    int count() {
      return millis.length;
    }

    double p(int percentile) {
      double[] s = LineageBench.sorted(millis);
      int i = (int) Math.ceil(percentile / 100.0 * s.length) - 1;
      return s[Math.max(0, Math.min(s.length - 1, i))];
    }
  }

  /** Cairn's figures and the baseline's. */
  record Pair(Series cairn, Series plain) {}

  private Latency() {}

  static Pair compare(int n, IntToLongFunction cairn, IntToLongFunction plain) {
    for (int i = 0; i < Math.min(WARMUP, n); i++) {
      cairn.applyAsLong(i);
      plain.applyAsLong(i);
    }
    double[] a = new double[n];
    double[] b = new double[n];
    long sumA = 0;
    long sumB = 0;
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      sumA += cairn.applyAsLong(i);
      a[i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      sumB += plain.applyAsLong(i);
      b[i] = (System.nanoTime() - t) / 1e6;
    }
    return new Pair(new Series(a, (double) sumA / n), new Series(b, (double) sumB / n));
  }
}
