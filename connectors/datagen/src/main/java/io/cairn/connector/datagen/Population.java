package io.cairn.connector.datagen;

import io.cairn.connector.datagen.Rng.Stream;
import java.time.Instant;

/**
 * The customers every entity refers to: their ids, which of them are planted near-duplicates of whom, their
 * devices and browsers, and when they signed up. Orders, events and consents ask this class rather than
 * generating customers, so they stay consistent with the customers entity at a few random draws per row.
 * Immutable and thread-safe.
 */
final class Population {
  /** The fixed "now" of the data set, so the data never depends on the clock. */
  static final Instant REFERENCE = Instant.parse("2025-07-01T00:00:00Z");

  private static final long SIGNUP_WINDOW_SECONDS = 5L * 365 * 24 * 3600;
  /** Anonymous visitors who never become customers, as a multiple of the customers. */
  private static final int VISITORS_PER_CUSTOMER = 2;

  private final long seed;
  private final long customers;
  private final double duplicateRate;
  /** Coprime with {@code customers}: multiplying by it permutes the customer numbers. */
  private final long scatterStep;

  Population(long seed, long customers, double duplicateRate) {
    if (customers < 1) {
      throw new IllegalArgumentException("a population needs at least one customer");
    }
    this.seed = seed;
    this.customers = customers;
    this.duplicateRate = duplicateRate;
    long step = 1_000_003L;
    while (gcd(step, customers) != 1) {
      step += 2;
    }
    this.scatterStep = step;
  }

  long seed() {
    return seed;
  }

  long customers() {
    return customers;
  }

  static String customerId(long c) {
    return Ids.padded('C', c, 6);
  }

  /**
   * The original customer that customer {@code c} is a planted near-duplicate of, or -1 when {@code c} is
   * an original. Originals always come earlier; a duplicate of a duplicate resolves to the original.
   */
  long duplicateOf(long c) {
    long root = -1;
    long at = directDuplicateOf(c);
    while (at >= 0) {
      root = at;
      at = directDuplicateOf(at);
    }
    return root;
  }

  private long directDuplicateOf(long c) {
    if (c == 0 || duplicateRate <= 0) {
      return -1;
    }
    Rng r = Rng.of(seed, Stream.DUPLICATE, c);
    return r.chance(duplicateRate) ? r.nextLong(c) : -1;
  }

  /** The device id on record for customer {@code c}; about half of the duplicates share the original's. */
  String deviceId(long c) {
    long root = duplicateOf(c);
    if (root >= 0 && Rng.of(seed, Stream.DEVICE_SHARED, c).chance(0.5)) {
      return Rng.of(seed, Stream.DEVICE, root).uuid();
    }
    return Rng.of(seed, Stream.DEVICE, c).uuid();
  }

  /** The anonymous (cookie) id of customer {@code c}'s browser. */
  String anonymousId(long c) {
    return Rng.of(seed, Stream.ANONYMOUS, c).uuid();
  }

  /** Anonymous visitors who are not customers: their cookie id and device, by visitor number. */
  String visitorId(long v) {
    return Rng.of(seed, Stream.ANONYMOUS, customers + v).uuid();
  }

  String visitorDevice(long v) {
    return Rng.of(seed, Stream.DEVICE, customers + v).uuid();
  }

  long visitors() {
    return Math.max(1, customers * VISITORS_PER_CUSTOMER);
  }

  /** When customer {@code c} signed up: within the five years before {@link #REFERENCE}, whole seconds. */
  Instant signupTs(long c) {
    return REFERENCE.minusSeconds(1 + Rng.of(seed, Stream.SIGNUP, c).nextLong(SIGNUP_WINDOW_SECONDS));
  }

  /**
   * A customer for an order or event, skewed so that a few customers buy and browse a lot and many rarely
   * (the busiest 20% of the customers account for about 45% of the picks), spread over the id range.
   */
  long pickCustomer(Rng r) {
    double u = r.nextDouble();
    long rank = (long) (customers * u * u);
    return scatter(Math.min(rank, customers - 1));
  }

  /** A fixed permutation of {@code [0, customers)}, so heavy customers are not just the low ids. */
  private long scatter(long rank) {
    return Math.floorMod(rank * scatterStep + (seed & 0xFFFF), customers);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
