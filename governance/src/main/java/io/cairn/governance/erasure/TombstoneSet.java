package io.cairn.governance.erasure;

import io.cairn.catalog.erasure.ErasureRepository;
import java.util.Set;

/**
 * The tombstones in memory, reloaded when their count changes: checked at each run's start and at most every
 * {@code checkMillis} while runs go on, so a new tombstone reaches running flows within that time and every
 * run started after the erasure. Thread-safe.
 */
final class TombstoneSet {
  private final ErasureRepository repository;
  private final long checkMillis;
  private volatile Set<String> hashes = Set.of();
  private volatile int count = -1;
  private volatile long checkedAt;

  TombstoneSet(ErasureRepository repository, long checkMillis) {
    this.repository = repository;
    this.checkMillis = checkMillis;
  }

  /** Reloads now when the catalog's count differs from the one in memory. */
  synchronized void refresh() {
    int now = repository.tombstoneCount();
    if (now != count) {
      hashes = Set.copyOf(repository.tombstones());
      count = now;
    }
    checkedAt = System.currentTimeMillis();
  }

  /** The current hashes, refreshed first when the last check is older than the interval. */
  Set<String> current() {
    if (System.currentTimeMillis() - checkedAt >= checkMillis) {
      refresh();
    }
    return hashes;
  }
}
