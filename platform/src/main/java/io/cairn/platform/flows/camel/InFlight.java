package io.cairn.platform.flows.camel;

import io.cairn.catalog.QuarantineEntry;
import io.cairn.platform.flows.PendingWrite;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The batches a source consumer sent through its route whose sink writes are not all known durable yet, oldest
 * first, and the commit of those that are. A batch counts as done once each of its writes completed normally;
 * done batches are committed in order, several in one commit (the last offset and all their quarantined
 * records), never one whose earlier batch is not done. Used by the consumer's thread alone.
 */
final class InFlight {
  /** Stores an offset with the records quarantined up to it; see {@code OffsetRepository.commit}. */
  interface Committer {
    void commit(String offset, List<QuarantineEntry> quarantined) throws Exception;
  }

  /**
   * One batch sent through the route.
   *
   * @param offset the source offset after it, or null when it has none
   * @param quarantined the records quarantined while it was read and processed
   * @param writes its sink writes in flight
   */
  record Sent(String offset, List<QuarantineEntry> quarantined, List<PendingWrite> writes) {
    boolean done() {
      return writes.stream().allMatch(PendingWrite::isDone);
    }
  }

  private final int limit;
  private final long commitIntervalNanos;
  private final LongSupplier clock;
  private final Committer committer;
  private final Deque<Sent> queue = new ArrayDeque<>();
  private final List<QuarantineEntry> doneQuarantined = new ArrayList<>();
  private String doneOffset;
  private boolean anyDone;
  private long lastCommit;

  /**
   * @param limit how many batches may be in flight; sending one more first waits for the oldest
   * @param commitIntervalMillis while batches keep coming, how long done batches may wait for their commit
   * @param clock nanoseconds, {@link System#nanoTime} but in tests
   */
  InFlight(int limit, long commitIntervalMillis, LongSupplier clock, Committer committer) {
    this.limit = limit;
    this.commitIntervalNanos = commitIntervalMillis * 1_000_000;
    this.clock = clock;
    this.committer = committer;
    this.lastCommit = clock.getAsLong();
  }

  int size() {
    return queue.size();
  }

  /**
   * Adds a sent batch, waits for the oldest while more than the limit are in flight, takes every done batch
   * at the front, and commits them when the commit interval has passed.
   *
   * @throws Exception the cause of a failed write; the batches before it were committed, it and the later ones
   *     never will be
   */
  void add(Sent sent) throws Exception {
    queue.addLast(sent);
    settle(limit, false);
  }

  /** Waits for every batch in flight and commits them all. Throws like {@link #add}. */
  void drain() throws Exception {
    settle(0, true);
  }

  private void settle(int keep, boolean commitNow) throws Exception {
    try {
      while (queue.size() > keep || (!queue.isEmpty() && queue.peekFirst().done())) {
        Sent oldest = queue.peekFirst();
        for (PendingWrite w : oldest.writes()) {
          w.await();
        }
        queue.removeFirst();
        anyDone = true;
        doneOffset = oldest.offset() == null ? doneOffset : oldest.offset();
        doneQuarantined.addAll(oldest.quarantined());
      }
    } catch (Exception e) {
      try {
        commit();
      } catch (Exception c) {
        e.addSuppressed(c);
      }
      throw e;
    }
    if (commitNow || clock.getAsLong() - lastCommit >= commitIntervalNanos) {
      commit();
    }
  }

  private void commit() throws Exception {
    lastCommit = clock.getAsLong();
    if (!anyDone) {
      return;
    }
    List<QuarantineEntry> quarantined = List.copyOf(doneQuarantined);
    String offset = doneOffset;
    doneQuarantined.clear();
    doneOffset = null;
    anyDone = false;
    committer.commit(offset, quarantined);
  }
}
