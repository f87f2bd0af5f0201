package io.cairn.platform.collector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per write key: {@code perSecond} events a second with a burst of one second's worth. A batch
 * larger than the burst passes when the bucket is full (and empties it). Thread-safe.
 */
final class RateLimits {
  private final long perSecond;
  private final LongSupplier nanos;
  private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

  /** @param perSecond events a second per key; 0 for no limit */
  RateLimits(long perSecond, LongSupplier nanos) {
    this.perSecond = perSecond;
    this.nanos = nanos;
  }

  /** Takes {@code events} tokens from the key's bucket; returns 0, or the seconds to wait when refused. */
  long tryAcquire(long writeKeyId, int events) {
    if (perSecond <= 0) {
      return 0;
    }
    return buckets.computeIfAbsent(writeKeyId, k -> new Bucket(nanos.getAsLong())).take(events);
  }

  private final class Bucket {
    private double tokens = perSecond;
    private long last;

    Bucket(long now) {
      last = now;
    }

    synchronized long take(int events) {
      long now = nanos.getAsLong();
      tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
      last = now;
      if (tokens >= Math.min(events, perSecond)) {
        tokens -= events;
        return 0;
      }
      double missing = Math.min(events, perSecond) - tokens;
      return Math.max(1, (long) Math.ceil(missing / perSecond));
    }
  }
}
