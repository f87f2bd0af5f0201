package io.cairn.platform.collector.wal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only log of key/value records in segment files under one folder, bounded in bytes.
 *
 * <p>Positions are byte offsets over the whole log: a segment file is named after the position of its first
 * record, and a record's {@link LogEntry#next} is where the following one starts. Each record is {@code
 * [int length][int crc32c][short keyLength][key][value]}. {@link #append} returns only after the records are
 * forced to disk by the log's flusher thread; appends that arrive during a force share the next one (group
 * commit). An append only reserves its place under the log's lock and writes its bytes after releasing it, so
 * concurrent appends do not wait for each other's writes; the flusher forces only up to the end of the records
 * written so far without a gap. Readers see only forced records. A torn record at the end of the last segment (a crash mid-write, never acknowledged)
 * is cut off when the log opens.
 *
 * <p>Consumers keep named {@linkplain #commit cursors}; a segment is deleted once every cursor is past it, and a
 * consumer that is gone for good is {@linkplain #release released} so that it holds no segment. Without any cursor
 * (and apart from such a release) nothing is deleted, and appends beyond {@code maxBytes} fail with {@link
 * LogFullException}. Thread-safe.
 */
public final class EventLog implements Closeable {
  static final int HEADER = 8;
  private static final String SUFFIX = ".log";
  private static final int READ_CHUNK = 1 << 20;
  /** How far ahead of the records the active segment is filled with zeros (see {@link #preallocate}). */
  private static final long PREALLOCATE = 4L << 20;
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final Cursors cursors;
  private final Object appendLock = new Object();
  /** Appends waiting to be forced, in position order (added under appendLock). */
  private final ConcurrentLinkedQueue<Waiter> waiting = new ConcurrentLinkedQueue<>();
  private final Thread flusher;
  /** Base position to size of every closed segment, plus the active one (size tracked by writtenEnd). */
  private final TreeMap<Long, Long> segments = new TreeMap<>();
  private FileChannel active;
  private long activeBase;
  /** The bytes of the active segment's file (records, then zeros written ahead of them). */
  private long activeFileSize;
  private long writtenEnd;
  private long totalBytes;
  private boolean closed;
  private volatile long durableEnd;
  /** Set while the flusher is about to park with nothing to force: only then do appenders need to wake it. */
  private volatile boolean flusherIdle;
  /** The failure of a record's write: the log takes no more appends after it (its records would follow a gap). */
  private volatile IOException broken;

  private EventLog(Path dir, long maxBytes, long segmentBytes) throws IOException {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
    this.cursors = new Cursors(dir.resolve("cursors"));
    this.flusher = Thread.ofPlatform().name("event-log-flusher").daemon().unstarted(this::flushLoop);
  }

  /**
   * An append waiting until the log is forced up to {@code end}; {@code written} is set once its bytes are written
   * (or their write failed).
   */
  private static final class Waiter {
    final long end;
    final CompletableFuture<Long> done = new CompletableFuture<>();
    volatile boolean written;

    Waiter(long end) {
      this.end = end;
    }
  }

  /**
   * Opens (creating when missing) the log in a folder.
   *
   * @param maxBytes the bound of all segments together
   * @param segmentBytes the size after which a new segment starts
   */
  public static EventLog open(Path dir, long maxBytes, long segmentBytes) throws IOException {
    Files.createDirectories(dir);
    EventLog log = new EventLog(dir, maxBytes, segmentBytes);
    log.recover();
    log.flusher.start();
    return log;
  }

  private void recover() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList()) {
        String name = f.getFileName().toString();
        segments.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), Files.size(f));
      }
    }
    if (segments.isEmpty()) {
      segments.put(0L, 0L);
    }
    activeBase = segments.lastKey();
    active = FileChannel.open(segmentPath(activeBase), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    long valid = validLength(active);
    if (valid < active.size()) {
      active.truncate(valid);
      active.force(true);
    }
    segments.put(activeBase, valid);
    activeFileSize = valid;
    writtenEnd = activeBase + valid;
    durableEnd = writtenEnd;
    totalBytes = segments.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The length of the segment's prefix made of whole records with good checksums. */
  private static long validLength(FileChannel ch) throws IOException {
    long p = 0;
    long size = ch.size();
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    while (p + HEADER <= size) {
      header.clear();
      readFully(ch, header, p);
      int len = header.getInt(0);
      if (len < 2 || p + HEADER + len > size) {
        break;
      }
      ByteBuffer body = ByteBuffer.allocate(len);
      readFully(ch, body, p + HEADER);
      if (crc(body.array(), 0, len) != header.getInt(4)) {
        break;
      }
      p += HEADER + len;
    }
    return p;
  }

  /**
   * Appends records and returns once they are on disk.
   *
   * @return the position after the last record
   * @throws LogFullException when they would take the log beyond its bound; nothing was appended
   */
  public long append(List<LogEntry> entries) throws IOException, LogFullException {
    int size = 0;
    for (LogEntry e : entries) {
      size += e.encodedSize();
    }
    LogBatch batch = new LogBatch(size);
    for (LogEntry e : entries) {
      batch.begin(e.key()).write(e.value()).end();
    }
    return append(batch);
  }

  /**
   * Appends the ended records of a batch and returns once they are on disk.
   *
   * @return the position after the last record
   * @throws LogFullException when they would take the log beyond its bound; nothing was appended
   */
  public long append(LogBatch records) throws IOException, LogFullException {
    try {
      return appendAsync(records).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while the write-ahead log was forced");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /**
   * Appends the ended records of a batch without waiting for the force: the future completes, on the log's
   * flusher thread, once the records are on disk (and readers see them), or fails with the {@link IOException}
   * of the force. Callbacks run on the flusher thread: they must be short and must not block.
   *
   * @return the position after the last record, once forced
   * @throws LogFullException when they would take the log beyond its bound; nothing was appended
   * @throws IOException when the write itself fails or the log is closed; nothing is waited for
   */
  public CompletableFuture<Long> appendAsync(LogBatch records) throws IOException, LogFullException {
    ByteBuffer buf = records.encoded();
    int size = buf.remaining();
    Waiter waiter;
    FileChannel ch;
    long at;
    synchronized (appendLock) {
      if (closed) {
        throw new IOException("the write-ahead log is closed");
      }
      if (broken != null) {
        throw new IOException("the write-ahead log takes no more appends after a failed write", broken);
      }
      if (totalBytes + size > maxBytes) {
        throw new LogFullException(maxBytes);
      }
      if (writtenEnd > activeBase && writtenEnd - activeBase + size > segmentBytes) {
        roll();
      }
      waiter = new Waiter(writtenEnd + size);
      at = writtenEnd - activeBase;
      if (at + size > activeFileSize) {
        preallocate(at + size);
      }
      ch = active;
      writtenEnd += size;
      totalBytes += size;
      segments.put(activeBase, writtenEnd - activeBase);
      waiting.add(waiter);
    }
    // the place is reserved: the bytes are written outside the lock (roll() and close() wait for them)
    try {
      while (buf.hasRemaining()) {
        at += ch.write(buf, at);
      }
    } catch (IOException | RuntimeException e) {
      IOException failure = e instanceof IOException io ? io : new IOException(e);
      broken = failure;
      waiter.done.completeExceptionally(failure);
      throw failure;
    } finally {
      waiter.written = true;
      if (flusherIdle) {
        LockSupport.unpark(flusher);
      }
    }
    return waiter.done;
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

  /** Waits (under the append lock) until every reserved record has been written, before a segment is closed. */
  private void awaitWrites() {
    for (Waiter w : waiting) {
      while (!w.written) {
        Thread.yield();
      }
    }
  }

  private void roll() throws IOException {
    awaitWrites();
    active.truncate(writtenEnd - activeBase);
    active.force(true);
    active.close();
    activeBase = writtenEnd;
    active = FileChannel.open(segmentPath(activeBase), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    activeFileSize = 0;
    segments.put(activeBase, 0L);
    durableEnd = Math.max(durableEnd, activeBase);
  }

  /**
   * Fills the active segment with zeros up to at least {@code end} (a few MB ahead, at most to the segment size),
   * so that records are written over blocks that already exist: forcing them then changes no file size, and the
   * group commit's {@code fdatasync} writes data only (on ext4 about a third of the time of one that also commits
   * a new size). Recovery cuts the zeros off (a zero length is no record). Called under the append lock.
   */
  private void preallocate(long end) throws IOException {
    long target = Math.max(end, Math.min(segmentBytes, activeFileSize + PREALLOCATE));
    for (long at = activeFileSize; at < target; ) {
      ByteBuffer zeros = ZEROS.duplicate();
      zeros.limit((int) Math.min(zeros.capacity(), target - at));
      at += active.write(zeros, at);
    }
    activeFileSize = target;
  }

  /**
   * The one thread that forces the log (group commit): it forces everything written so far without a gap, then
   * completes every append that force covered, so appends that arrived during a force share the next one and no
   * appender waits for another's turn.
   */
  private void flushLoop() {
    while (true) {
      IOException failed = broken;
      // read before the channel, so that a segment rolled since was forced by the roll
      long target = writtenPrefix();
      if (!ready(target, failed)) {
        if (waiting.isEmpty()) {
          synchronized (appendLock) {
            if (closed && waiting.isEmpty()) {
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
      synchronized (appendLock) {
        ch = active;
      }
      try {
        if (target > durableEnd) {
          try {
            ch.force(false);
          } catch (java.nio.channels.ClosedChannelException rolledOrClosed) {
            // roll() and close() force a segment before closing it
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

  /**
   * Reads forced records from a position on.
   *
   * @param from a record boundary (a {@link LogEntry#next} or {@link #start()}); positions before the oldest
   *     segment read from the oldest kept record
   * @param max the most records to return
   */
  public List<LogEntry> read(long from, int max) throws IOException {
    long end = durableEnd;
    List<LogEntry> out = new ArrayList<>();
    long pos = Math.max(from, start());
    while (out.size() < max && pos < end) {
      long base;
      long segEnd;
      synchronized (appendLock) {
        base = segments.floorKey(pos);
        Long next = segments.higherKey(base);
        segEnd = next == null ? writtenEnd : next;
      }
      long limit = Math.min(end, segEnd);
      try (FileChannel ch = FileChannel.open(segmentPath(base), StandardOpenOption.READ)) {
        pos = readSegment(ch, base, pos, limit, max, out);
      } catch (NoSuchFileException deleted) {
        pos = Math.max(pos, start());
      }
    }
    return out;
  }

  private static long readSegment(FileChannel ch, long base, long pos, long limit, int max, List<LogEntry> out)
      throws IOException {
    while (out.size() < max && pos < limit) {
      int want = (int) Math.min(limit - pos, READ_CHUNK);
      ByteBuffer chunk = ByteBuffer.allocate(want);
      readFully(ch, chunk, pos - base);
      int p = 0;
      while (out.size() < max && p + HEADER <= want) {
        int len = chunk.getInt(p);
        if (p + HEADER + len > want) {
          break;
        }
        if (crc(chunk.array(), p + HEADER, len) != chunk.getInt(p + 4)) {
          throw new IOException("corrupt record in the write-ahead log at position " + (pos + p));
        }
        int keyLen = chunk.getShort(p + HEADER);
        int k = p + HEADER + 2;
        byte[] key = java.util.Arrays.copyOfRange(chunk.array(), k, k + keyLen);
        byte[] value = java.util.Arrays.copyOfRange(chunk.array(), k + keyLen, p + HEADER + len);
        p += HEADER + len;
        out.add(new LogEntry(key, value, pos + p));
      }
      if (p == 0) {
        int len = chunk.getInt(0);
        chunk = ByteBuffer.allocate(HEADER + len);
        readFully(ch, chunk, pos - base);
        int keyLen = chunk.getShort(HEADER);
        out.add(new LogEntry(java.util.Arrays.copyOfRange(chunk.array(), HEADER + 2, HEADER + 2 + keyLen),
            java.util.Arrays.copyOfRange(chunk.array(), HEADER + 2 + keyLen, HEADER + len), pos + HEADER + len));
        p = HEADER + len;
      }
      pos += p;
    }
    return pos;
  }

  /** The position of the oldest record kept. */
  public long start() {
    synchronized (appendLock) {
      return segments.firstKey();
    }
  }

  /** The position after the last record on disk: readers see everything before it. */
  public long end() {
    return durableEnd;
  }

  /** The bytes the segments take. */
  public long sizeBytes() {
    synchronized (appendLock) {
      return totalBytes;
    }
  }

  /** The bound of {@link #sizeBytes()}. */
  public long maxBytes() {
    return maxBytes;
  }

  /** A consumer's committed position, or -1 when it has none. */
  public long cursor(String name) {
    return cursors.get(name);
  }

  /**
   * Records that a consumer handled everything before {@code position}, then deletes the segments every cursor
   * has passed.
   *
   * @param name the consumer, e.g. {@code kafka} or {@code flow:<flow id>} (letters, digits, {@code .:_-})
   */
  public void commit(String name, long position) throws IOException {
    cursors.put(name, position);
    free(cursors.min());
  }

  /**
   * Forgets a consumer that is gone for good (a deleted flow, a forwarder no longer configured), then deletes the
   * segments every remaining cursor has passed; when none remains, the segments the released one had passed.
   * Records that no cursor has passed are kept for the next reader.
   *
   * @return whether the consumer had a cursor
   */
  public boolean release(String name) throws IOException {
    long had = cursors.remove(name);
    if (had < 0) {
      return false;
    }
    long min = cursors.min();
    free(min == Long.MIN_VALUE ? had : min);
    return true;
  }

  /** Deletes the segments that end at or before {@code bound} (the active one stays). */
  private void free(long bound) throws IOException {
    synchronized (appendLock) {
      while (segments.size() > 1) {
        long first = segments.firstKey();
        long next = segments.higherKey(first);
        if (next > bound) {
          break;
        }
        Files.deleteIfExists(segmentPath(first));
        totalBytes -= segments.remove(first);
      }
    }
  }

  /** The committed cursors, by name. */
  public Map<String, Long> cursors() {
    return cursors.all();
  }

  private Path segmentPath(long base) {
    return dir.resolve(String.format("%020d%s", base, SUFFIX));
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, at + buf.position());
      if (n < 0) {
        throw new IOException("unexpected end of a write-ahead log segment");
      }
    }
  }

  private static int crc(byte[] bytes, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(bytes, off, len);
    return (int) c.getValue();
  }

  @Override
  public void close() throws IOException {
    synchronized (appendLock) {
      if (!closed) {
        closed = true;
        awaitWrites();
        active.truncate(writtenEnd - activeBase);
        active.force(true);
        durableEnd = writtenEnd;
        active.close();
      }
    }
    LockSupport.unpark(flusher);
    try {
      flusher.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
