package io.cairn.connector.datagen;

import java.util.List;

/**
 * A small, fast SplitMix64 random generator. Each row gets its own instance seeded from
 * {@code (seed, stream, index)}, so a row never depends on the rows before it. Not thread-safe; cheap to
 * create. The algorithm is fixed here (not borrowed from the JDK) so the data never changes with the JDK.
 */
final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  private Rng(long state) {
    this.state = state;
  }

  /** The generator for one row: {@code stream} separates independent uses of the same index. */
  static Rng of(long seed, Stream stream, long index) {
    // the index is mixed before it is combined, so the states of neighbouring rows are unrelated and their
    // sequences (steps of GOLDEN) do not overlap
    return new Rng(mix(seed * GOLDEN + stream.ordinal()) ^ mix((index + 1) * GOLDEN));
  }

  /** The SplitMix64 finaliser: a bijective, well-mixing function of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in {@code [0, bound)}; bound must be positive. */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in {@code [0, bound)} (modulo bias below 2^-40 for the bounds used here). */
  long nextLong(long bound) {
    return (nextLong() >>> 1) % bound;
  }

  /** Uniform in {@code [from, to]}. */
  int between(int from, int to) {
    return from + nextInt(to - from + 1);
  }

  /** Uniform in {@code [0, 1)}. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  boolean chance(double p) {
    return nextDouble() < p;
  }

  <T> T pick(List<T> values) {
    return values.get(nextInt(values.size()));
  }

  String pick(String[] values) {
    return values[nextInt(values.length)];
  }

  /** An index into {@code weights} chosen with probability proportional to its weight. */
  int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** A random (version 4 layout) UUID in its text form. */
  String uuid() {
    long msb = (nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(msb, lsb).toString();
  }

  /** The independent random streams; appending is safe, reordering changes every data set. */
  enum Stream {
    CUSTOMER,
    PERSON,
    DUPLICATE,
    DUPLICATE_EDIT,
    DEVICE,
    DEVICE_SHARED,
    SIGNUP,
    ANONYMOUS,
    ORDER,
    SESSION,
    EVENT,
    CONSENT,
    PRIVACY,
    CUSTOMER_DIRT,
    ORDER_DIRT,
    EVENT_DIRT,
    CONSENT_DIRT
  }
}
