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
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only log of key/value records in segment files under one folder, bounded in bytes.
 *
 * <p>Positions are byte offsets over the whole log: a segment file is named after the position of its first
 * record, and a record's {@link LogEntry#next} is where the following one starts. Each record is {@code
 * [int length][int crc32c][short keyLength][key][value]}. {@link #append} returns only after the records are
 * forced to disk by the log's flusher thread ({@link GroupCommit}): an append copies its records into the log's
 * staging buffer under the log's lock, and the flusher writes and forces everything staged in one go, so appends
 * that arrive during a force share the next one (group commit). Readers see only forced records. A torn record at
 * the end of the last segment (a crash mid-write, never acknowledged), or the zeros that pad a direct write's last
 * block, are cut off when the log opens.
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

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final Cursors cursors;
  private final Object appendLock = new Object();
  private final GroupCommit commit;
  /** Base position to size of every closed segment, plus the active one (size tracked by writtenEnd). */
  private final TreeMap<Long, Long> segments = new TreeMap<>();
  private FileChannel active;
  private long activeBase;
  private long writtenEnd;
  private long totalBytes;
  private boolean closed;

  private EventLog(Path dir, long maxBytes, long segmentBytes, boolean directIo) throws IOException {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
    this.cursors = new Cursors(dir.resolve("cursors"));
    this.commit = new GroupCommit(appendLock, () -> closed, directIo);
  }

  /**
   * Opens (creating when missing) the log in a folder.
   *
   * @param maxBytes the bound of all segments together
   * @param segmentBytes the size after which a new segment starts
   */
  public static EventLog open(Path dir, long maxBytes, long segmentBytes) throws IOException {
    return open(dir, maxBytes, segmentBytes, true);
  }

  /**
   * Opens (creating when missing) the log in a folder.
   *
   * @param maxBytes the bound of all segments together
   * @param segmentBytes the size after which a new segment starts
   * @param directIo whether to write around the page cache where the file system allows it (else through it)
   */
  public static EventLog open(Path dir, long maxBytes, long segmentBytes, boolean directIo) throws IOException {
    Files.createDirectories(dir);
    EventLog log = new EventLog(dir, maxBytes, segmentBytes, directIo);
    log.recover();
    return log;
  }

  /** Opens the active segment, cutting a torn record off, and starts the group commit at the end of the log. */
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
    try (FileChannel check = FileChannel.open(segmentPath(activeBase), StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long valid = validLength(check);
      if (valid < check.size()) {
        check.truncate(valid);
        check.force(true);
      }
      segments.put(activeBase, valid);
      writtenEnd = activeBase + valid;
      totalBytes = segments.values().stream().mapToLong(Long::longValue).sum();
      active = commit.open(segmentPath(activeBase), false);
      commit.start(active, activeBase, valid, check);
    }
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
   * Appends the ended records of a batch without waiting for the force: the records are copied into the log's
   * staging buffer (waiting only when it is full), and the future completes, on the log's flusher thread (or on a
   * thread that rolls or closes the log), once they are on disk (and readers see them), or fails with the {@link
   * IOException} of the write or force. Callbacks run on that thread: they must be short and must not block.
   *
   * @return the position after the last record, once forced
   * @throws LogFullException when they would take the log beyond its bound; nothing was appended
   * @throws IOException when the log is closed, or broken by an earlier failed write; nothing was appended
   */
  public CompletableFuture<Long> appendAsync(LogBatch records) throws IOException, LogFullException {
    ByteBuffer buf = records.encoded();
    int size = buf.remaining();
    synchronized (appendLock) {
      while (true) {
        if (closed) {
          throw new IOException("the write-ahead log is closed");
        }
        if (commit.broken() != null) {
          throw new IOException("the write-ahead log takes no more appends after a failed write", commit.broken());
        }
        if (totalBytes + size > maxBytes) {
          throw new LogFullException(maxBytes);
        }
        if (writtenEnd > activeBase && writtenEnd - activeBase + size > segmentBytes) {
          roll(); // it may wait for the flusher (releasing the lock): everything is checked again
        } else if (commit.room(size)) {
          break;
        } else {
          commit.awaitRoom();
        }
      }
      writtenEnd += size;
      totalBytes += size;
      segments.put(activeBase, writtenEnd - activeBase);
      return commit.stage(buf, writtenEnd).done;
    }
  }

  /**
   * Closes the active segment once everything staged for it is forced, and starts the next one; nothing when
   * another append rolled the log while this one waited for the flusher.
   */
  private void roll() throws IOException {
    commit.drain();
    if (writtenEnd == activeBase || commit.broken() != null) {
      return;
    }
    active.truncate(writtenEnd - activeBase);
    active.force(true);
    active.close();
    activeBase = writtenEnd;
    active = commit.open(segmentPath(activeBase), true);
    segments.put(activeBase, 0L);
    commit.switchTo(active, activeBase);
  }

  /**
   * Reads forced records from a position on.
   *
   * @param from a record boundary (a {@link LogEntry#next} or {@link #start()}); positions before the oldest
   *     segment read from the oldest kept record
   * @param max the most records to return
   */
  public List<LogEntry> read(long from, int max) throws IOException {
    long end = commit.durableEnd();
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
    return commit.durableEnd();
  }

  /** Whether the segments are written around the page cache (direct I/O). */
  boolean direct() {
    return commit.direct();
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
        try (FileChannel last = active) {
          commit.drain();
          if (commit.broken() == null) {
            last.truncate(writtenEnd - activeBase); // a direct write's padding goes
            last.force(true);
          }
        }
      }
    }
    commit.stop();
  }
}
