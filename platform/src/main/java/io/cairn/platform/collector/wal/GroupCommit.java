package io.cairn.platform.collector.wal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The group commit of an {@link EventLog}: appends {@linkplain #reserve reserve} their place under the log's lock
 * and say when their bytes are {@linkplain #written written}; one flusher thread forces the log up to the end of
 * the records written so far without a gap, then completes every append that force covered, so appends that
 * arrive during a force share the next one and no appender waits for another's turn. The first failed write
 * {@linkplain #fail breaks} the log: nothing after it is forced, and those appends fail too.
 *
 * <p>Threading: {@link #reserve} is called under the log's lock (so waiters are queued in position order); the
 * rest from any thread. The log's lock guards the two things the flusher reads of the log: its active segment's
 * channel and whether it is closed.
 */
final class GroupCommit {
  /** Appends waiting to be forced, in position order (added under the log's lock). */
  private final ConcurrentLinkedQueue<Waiter> waiting = new ConcurrentLinkedQueue<>();
  private final Thread flusher;
  private final Object lock;
  private final Supplier<FileChannel> active;
  private final BooleanSupplier closed;
  private volatile long durableEnd;
  /** Set while the flusher is about to park with nothing to force: only then do appenders need to wake it. */
  private volatile boolean flusherIdle;
  /** The failure of a record's write: the log takes no more appends after it (its records would follow a gap). */
  private volatile IOException broken;

  /**
   * @param lock the log's lock
   * @param active the log's active segment's channel (read under {@code lock}): the one to force
   * @param closed whether the log is closed (read under {@code lock}): the flusher then ends once nothing waits
   */
  GroupCommit(Object lock, Supplier<FileChannel> active, BooleanSupplier closed) {
    this.lock = lock;
    this.active = active;
    this.closed = closed;
    this.flusher = Thread.ofPlatform().name("event-log-flusher").daemon().unstarted(this::flushLoop);
  }

  /**
   * An append waiting until the log is forced up to {@code end}; {@code written} is set once its bytes are written
   * (or their write failed).
   */
  static final class Waiter {
    final long end;
    final CompletableFuture<Long> done = new CompletableFuture<>();
    volatile boolean written;

    Waiter(long end) {
      this.end = end;
    }
  }

  /** Starts the flusher on a log that is on disk up to {@code durableEnd}. */
  void start(long durableEnd) {
    this.durableEnd = durableEnd;
    flusher.start();
  }

  /** The position up to which the log is on disk: readers see everything before it. */
  long durableEnd() {
    return durableEnd;
  }

  /** Records that the log was forced up to {@code end} outside the flusher (a segment rolled, the log closed). */
  void forcedTo(long end) {
    durableEnd = Math.max(durableEnd, end);
  }

  /** The failure of a write that broke the log, or null. */
  IOException broken() {
    return broken;
  }

  /** Queues an append whose records end at {@code end}. Called under the log's lock. */
  Waiter reserve(long end) {
    Waiter waiter = new Waiter(end);
    waiting.add(waiter);
    return waiter;
  }

  /** Marks an append's bytes written (or their write failed), waking the flusher when it waits for work. */
  void written(Waiter waiter) {
    waiter.written = true;
    if (flusherIdle) {
      LockSupport.unpark(flusher);
    }
  }

  /** Breaks the log with the failure of an append's write, and fails that append. */
  IOException fail(Waiter waiter, Exception e) {
    IOException failure = e instanceof IOException io ? io : new IOException(e);
    broken = failure;
    waiter.done.completeExceptionally(failure);
    return failure;
  }

  /** Waits (under the log's lock) until every reserved record has been written, before a segment is closed. */
  void awaitWrites() {
    for (Waiter w : waiting) {
      while (!w.written) {
        Thread.yield();
      }
    }
  }

  /** Wakes the flusher after the log was closed and waits (up to 10 s) for it to end. */
  void stop() {
    LockSupport.unpark(flusher);
    try {
      flusher.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The end of the records written without a gap: that of the waiters, in position order, up to the first whose
   * bytes are not written yet (or whose write failed); at least what is forced already.
   */
  private long writtenPrefix() {
    long end = durableEnd;
    for (Waiter w : waiting) {
      if (!w.written || w.done.isCompletedExceptionally()) {
        break;
      }
      end = Math.max(end, w.end);
    }
    return end;
  }

  /** Whether the flusher has work: an append whose records are written up to {@code target}, or a failure. */
  private boolean ready(long target, IOException failed) {
    Waiter first = waiting.peek();
    return first != null && (failed != null || first.end <= target);
  }

  private void flushLoop() {
    while (true) {
      IOException failed = broken;
      // read before the channel, so that a segment rolled since was forced by the roll
      long target = writtenPrefix();
      if (!ready(target, failed)) {
        if (waiting.isEmpty()) {
          synchronized (lock) {
            if (closed.getAsBoolean() && waiting.isEmpty()) {
              return;
            }
          }
        }
        flusherIdle = true;
        if (!ready(writtenPrefix(), broken)) {
          LockSupport.parkNanos(1_000_000);
        }
        flusherIdle = false;
        continue;
      }
      FileChannel ch;
      synchronized (lock) {
        ch = active.get();
      }
      try {
        if (target > durableEnd) {
          try {
            ch.force(false);
          } catch (ClosedChannelException rolledOrClosed) {
            // the log forces a segment before closing it
          }
          durableEnd = target;
        }
        for (Waiter w = waiting.peek(); w != null && w.end <= target; w = waiting.peek()) {
          Waiter done = waiting.poll();
          done.done.complete(done.end);
        }
        if (failed != null) {
          // nothing after a failed write is forced: those appends fail too
          for (Waiter w = waiting.poll(); w != null; w = waiting.poll()) {
            w.done.completeExceptionally(failed);
          }
        }
      } catch (IOException | RuntimeException e) {
        for (Waiter w = waiting.poll(); w != null; w = waiting.poll()) {
          w.done.completeExceptionally(e);
        }
      }
    }
  }
}
