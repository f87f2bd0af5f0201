package io.cairn.platform.collector.wal;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group commit of an {@link EventLog}: appends {@linkplain #stage copy} their records into a staging buffer
 * under the log's lock; one flusher thread takes everything staged since its last turn, writes it to the active
 * segment in one write, forces it and completes those appends. Appends that arrive during a write and force share
 * the next one, and only the flusher writes, so appenders never wait for each other's writes.
 *
 * <p>The segment is written around the page cache ({@code O_DIRECT}) where its file system allows: a write-ahead
 * log is written once and read back at most once, soon, so caching its pages costs a copy into freshly allocated
 * page-cache memory per byte (about half of the collector's server CPU under load before this) and buys little.
 * Direct writes cover whole blocks: each one starts at the block holding the end of the previous write (rewriting
 * its records with the same bytes, so a torn block still holds them) and its last block is padded with zeros,
 * which the log's recovery cuts off as it would a torn record. Where direct I/O is refused, or turned off, the
 * same writes go through the page cache, unpadded.
 *
 * <p>The first failed write or force {@linkplain #broken breaks} the log: the appends it carried and every one
 * staged after it fail, and the log takes no more. Threading: everything but the flusher's write runs under the
 * log's lock.
 */
final class GroupCommit {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  /** The staging buffer's bytes: at a few dozen requests of about 50 KB per turn, room for all of them. */
  static final int STAGE_BYTES = 4 << 20;

  private final Object lock;
  private final BooleanSupplier closed;
  private final Thread flusher;
  private final boolean directIo;
  /** The block size direct writes align to; 1 when the segments are written through the page cache. */
  private int align = 1;
  /** The staged bytes; its byte 0 is at {@link #stageOffset} in the active segment. Guarded by the lock. */
  private ByteBuffer stage;
  /** The other buffer; null while it is being written (a write is in flight). Guarded by the lock. */
  private ByteBuffer spare;
  private long stageOffset;
  /** The segment offset where the stage's bytes not yet taken by the flusher start. */
  private long unwrittenFrom;
  private FileChannel channel;
  private long segmentBase;
  /** The appends staged since the flusher's last turn, in position order. Guarded by the lock. */
  private ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private boolean flusherWaits;
  private volatile long durableEnd;
  private volatile IOException broken;

  /**
   * @param lock the log's lock
   * @param closed whether the log is closed (read under {@code lock}): the flusher then ends once nothing is staged
   * @param directIo whether to write around the page cache where the file system allows it
   */
  GroupCommit(Object lock, BooleanSupplier closed, boolean directIo) {
    this.lock = lock;
    this.closed = closed;
    this.directIo = directIo;
    this.flusher = Thread.ofPlatform().name("event-log-flusher").daemon().unstarted(this::flushLoop);
  }

  /** An append waiting until the log is on disk up to {@code end}. */
  static final class Waiter {
    final long end;
    final CompletableFuture<Long> done = new CompletableFuture<>();

    Waiter(long end) {
      this.end = end;
    }
  }

  /**
   * Opens a segment for the log's writes: for direct I/O when the file system takes a direct write and force of a
   * block (a probe file beside the first segment) and the first segment opens for it (the log keeps to what the
   * first segment decided), else through the page cache.
   */
  FileChannel open(Path segment, boolean createNew) throws IOException {
    OpenOption create = createNew ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE;
    if (stage == null) {
      int block = blockSize(segment.getParent());
      FileChannel direct = directIo && directWrites(segment.resolveSibling(".direct-io-probe"), block)
          ? openDirect(segment, create) : null;
      align = direct != null ? block : 1;
      stage = buffer(STAGE_BYTES);
      spare = buffer(STAGE_BYTES);
      LOG.info("write-ahead log in {}: {}", segment.getParent(), align > 1 ? "direct writes, " + align
          + "-byte blocks" : directIo ? "writes through the page cache (direct I/O refused here)"
          : "writes through the page cache (walDirectIo: false)");
      if (direct != null) {
        return direct;
      }
    } else if (align > 1) {
      return FileChannel.open(segment, create, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
    }
    return FileChannel.open(segment, create, StandardOpenOption.WRITE);
  }

  /** The segment opened for direct I/O, or null when that is refused (a device file, say). */
  private static FileChannel openDirect(Path segment, OpenOption create) {
    try {
      return FileChannel.open(segment, create, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** Whether a file here takes a direct write and force of one block (the file is deleted afterwards). */
  private static boolean directWrites(Path probe, int block) {
    try {
      try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          ExtendedOpenOption.DIRECT)) {
        ByteBuffer zeros = ByteBuffer.allocateDirect(2 * block).alignedSlice(block).limit(block);
        while (zeros.hasRemaining()) {
          ch.write(zeros, zeros.position());
        }
        ch.force(false);
        return true;
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("no direct I/O for {}: {}", probe.getParent(), e.toString());
      return false;
    }
  }

  private static int blockSize(Path dir) throws IOException {
    long size = Files.getFileStore(dir).getBlockSize();
    return size > 0 && size <= 64 << 10 && Long.bitCount(size) == 1 ? (int) size : 4096;
  }

  private ByteBuffer buffer(int bytes) {
    return ByteBuffer.allocateDirect(bytes + align).alignedSlice(align);
  }

  /**
   * Starts the flusher on the active segment, which holds {@code length} bytes of whole records ({@code base} +
   * {@code length} is on disk).
   *
   * @param reader reads the segment's last partial block, which the first direct write rewrites
   */
  void start(FileChannel active, long base, long length, FileChannel reader) throws IOException {
    channel = active;
    segmentBase = base;
    stageOffset = length - length % align;
    stage.clear().limit((int) (length - stageOffset));
    while (stage.hasRemaining()) {
      if (reader.read(stage, stageOffset + stage.position()) < 0) {
        throw new IOException("the write-ahead log's active segment ended early");
      }
    }
    stage.limit(stage.capacity());
    unwrittenFrom = length;
    durableEnd = base + length;
    flusher.start();
  }

  /** Whether the segments are written around the page cache. */
  boolean direct() {
    return align > 1;
  }

  /** The position up to which the log is on disk: readers see everything before it. */
  long durableEnd() {
    return durableEnd;
  }

  /** The failure of a write or force that broke the log, or null. */
  IOException broken() {
    return broken;
  }

  /**
   * Whether {@code bytes} fit into the stage now (under the log's lock); when they could never fit, the stage grows
   * once the flusher has taken what it holds.
   */
  boolean room(int bytes) {
    if (stage.remaining() >= bytes) {
      return true;
    }
    if (staged() || stage.position() + bytes <= stage.capacity()) {
      return false;
    }
    ByteBuffer bigger = buffer(Math.max(2 * stage.capacity(), stage.position() + bytes));
    stage.flip();
    stage = bigger.put(stage);
    return true;
  }

  /** Waits (under the log's lock, which it releases meanwhile) until the flusher takes the stage or ends a write. */
  void awaitRoom() throws InterruptedIOException {
    waitOnLock();
  }

  /**
   * Copies an append's records into the stage (under the log's lock, after {@link #room}) and queues it until the
   * log is forced up to {@code end}.
   */
  Waiter stage(ByteBuffer records, long end) {
    stage.put(records);
    Waiter waiter = new Waiter(end);
    waiting.add(waiter);
    if (flusherWaits) {
      lock.notifyAll();
    }
    return waiter;
  }

  /**
   * Writes and forces everything staged (under the log's lock, waiting for the flusher's write in flight), before
   * the active segment is closed; the appends it covers are complete when it returns.
   */
  void drain() throws IOException {
    while (spare == null) {
      waitOnLock();
    }
    if (pending() && broken == null) {
      Turn turn = take();
      flush(turn);
      giveBack(turn.bytes());
    }
  }

  /** Moves the stage to a new, empty active segment that starts at {@code base} (under the log's lock). */
  void switchTo(FileChannel active, long base) {
    channel = active;
    segmentBase = base;
    stageOffset = 0;
    unwrittenFrom = 0;
    stage.clear();
  }

  /** Wakes the flusher after the log was closed and waits (up to 10 s) for it to end. */
  void stop() {
    synchronized (lock) {
      lock.notifyAll();
    }
    try {
      flusher.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the stage holds bytes the flusher has not taken yet. */
  private boolean staged() {
    return stageOffset + stage.position() > unwrittenFrom;
  }

  /** Whether the flusher has work: staged bytes, or appends waiting (an empty one waits for the appends before it). */
  private boolean pending() {
    return staged() || !waiting.isEmpty();
  }

  private void waitOnLock() throws InterruptedIOException {
    try {
      lock.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the write-ahead log");
    }
  }

  /** One turn's write: the staged bytes, where they go and the appends they carry. */
  private record Turn(ByteBuffer bytes, FileChannel channel, long offset, long end, ArrayDeque<Waiter> appends) {}

  /**
   * Takes the stage for a write (under the log's lock) and starts the next one with the last partial block of what
   * it holds, which the next direct write covers again.
   */
  private Turn take() {
    ByteBuffer full = stage;
    int length = full.position();
    int tail = (int) ((stageOffset + length) % align);
    Turn turn = new Turn(full, channel, stageOffset, segmentBase + stageOffset + length, waiting);
    waiting = new ArrayDeque<>();
    stage = spare.clear().put(full.slice(length - tail, tail));
    spare = null;
    unwrittenFrom = stageOffset + length;
    stageOffset += length - tail;
    lock.notifyAll(); // appends waiting for room have it now
    return turn;
  }

  /**
   * Keeps a written buffer as the next spare (under the log's lock; the stage may have grown past it meanwhile: then
   * a buffer as large) and wakes those waiting for the write to end.
   */
  private void giveBack(ByteBuffer written) {
    spare = written.capacity() >= stage.capacity() ? written : buffer(stage.capacity());
    lock.notifyAll();
  }

  /**
   * Writes a turn's bytes (whole blocks for direct I/O, padded with zeros), forces them and completes its appends;
   * a failure breaks the log. Does not need the log's lock.
   */
  private void flush(Turn turn) {
    ByteBuffer bytes = turn.bytes();
    try {
      int length = bytes.position();
      int padded = (length + align - 1) / align * align;
      while (bytes.position() < padded) {
        bytes.put((byte) 0);
      }
      bytes.flip();
      while (bytes.hasRemaining()) {
        turn.channel().write(bytes, turn.offset() + bytes.position());
      }
      turn.channel().force(false);
      durableEnd = Math.max(durableEnd, turn.end());
      for (Waiter w : turn.appends()) {
        w.done.complete(w.end);
      }
    } catch (IOException | RuntimeException e) {
      IOException failure = e instanceof IOException io ? io : new IOException(e);
      broken = failure;
      LOG.error("the write-ahead log could not be written; it takes no more appends", failure);
      for (Waiter w : turn.appends()) {
        w.done.completeExceptionally(failure);
      }
    }
  }

  private void flushLoop() {
    while (true) {
      Turn turn;
      synchronized (lock) {
        while (!pending() && !closed.getAsBoolean() && broken == null) {
          flusherWaits = true;
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          } finally {
            flusherWaits = false;
          }
        }
        if (broken != null) {
          failStaged();
          lock.notifyAll(); // appends waiting for room see that the log broke
          return;
        }
        if (!pending()) {
          return; // closed, and everything staged is written
        }
        turn = take();
      }
      flush(turn);
      synchronized (lock) {
        if (broken != null) {
          failStaged();
        }
        giveBack(turn.bytes());
      }
    }
  }

  /** Fails every staged append after the log broke (under the log's lock): their records follow a gap. */
  private void failStaged() {
    for (Waiter w : waiting) {
      w.done.completeExceptionally(broken);
    }
    waiting.clear();
    unwrittenFrom = stageOffset + stage.position();
  }
}
