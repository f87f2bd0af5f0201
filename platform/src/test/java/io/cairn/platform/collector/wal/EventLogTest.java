package io.cairn.platform.collector.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log on a real folder: order, concurrency, segments, recovery, the bound and retention. */
class EventLogTest {
  @TempDir Path dir;

  private static List<LogEntry> entries(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> LogEntry.of("m" + i,
        ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8))).toList();
  }

  private static List<String> keys(List<LogEntry> read) {
    return read.stream().map(LogEntry::keyString).toList();
  }

  @Test
  void readsBackWhatWasAppendedInOrderAcrossSegmentsAndReopens() throws Exception {
    try (EventLog log = EventLog.open(dir, 10_000_000, 500)) {
      for (int i = 0; i < 100; i += 10) {
        log.append(entries(i, i + 10));
      }
      assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".log")).count()).as("segments").isGreaterThan(3);
      List<LogEntry> all = log.read(0, 1000);
      assertThat(keys(all)).containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "m" + i).toList());
      assertThat(new String(all.get(42).value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":42}");
      List<LogEntry> tail = log.read(all.get(49).next(), 5);
      assertThat(keys(tail)).containsExactly("m50", "m51", "m52", "m53", "m54");
      assertThat(log.end()).isEqualTo(all.get(99).next());
    }
    try (EventLog again = EventLog.open(dir, 10_000_000, 500)) {
      assertThat(again.read(0, 1000)).hasSize(100);
      again.append(entries(100, 101));
      assertThat(keys(again.read(0, 1000))).endsWith("m99", "m100");
    }
  }

  @Test
  void aTornRecordAtTheEndIsCutOffWhenTheLogOpens() throws Exception {
    try (EventLog log = EventLog.open(dir, 10_000_000, 1 << 20)) {
      log.append(entries(0, 3));
    }
    Path segment = Files.list(dir).filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
    long good = Files.size(segment);
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.APPEND)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 40, 1, 2, 3}));
    }
    try (EventLog log = EventLog.open(dir, 10_000_000, 1 << 20)) {
      assertThat(Files.size(segment)).isEqualTo(good);
      assertThat(keys(log.read(0, 10))).containsExactly("m0", "m1", "m2");
      log.append(entries(3, 4));
      assertThat(keys(log.read(0, 10))).containsExactly("m0", "m1", "m2", "m3");
    }
  }

  @Test
  void concurrentAppendsAreAllKeptOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (EventLog log = EventLog.open(dir, 100_000_000, 64 * 1024)) {
      List<Future<Long>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int base = t * 10_000;
        done.add(pool.submit(() -> {
          long end = 0;
          for (int i = 0; i < 50; i++) {
            end = log.append(entries(base + i * 10, base + i * 10 + 10));
          }
          return end;
        }));
      }
      for (Future<Long> f : done) {
        assertThat(f.get()).isLessThanOrEqualTo(log.end());
      }
      List<LogEntry> all = log.read(0, 10_000);
      Set<String> unique = new HashSet<>(keys(all));
      assertThat(all).hasSize(4000);
      assertThat(unique).hasSize(4000);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Appends share the staging buffer and the flusher's writes: many threads appending at once, across segment
   * rolls, must still leave every record whole, once, readable by the time its future completes, and the same after
   * a reopen; on this folder's file system (ext4 or xfs) the log writes around the page cache.
   */
  @Test
  void concurrentAsynchronousAppendsAcrossRollsAreWholeAndReadableWhenDone() throws Exception {
    String type = Files.getFileStore(dir).type();
    try (EventLog log = EventLog.open(dir, 100_000_000, 16 * 1024)) {
      if (type.equals("ext4") || type.equals("xfs")) {
        assertThat(log.direct()).as("direct I/O on " + type).isTrue();
      }
    }
    appendConcurrentlyAndReopen(dir, true);
  }

  /**
   * With direct I/O turned off the same log writes through the page cache, with the same guarantees and no
   * padding.
   */
  @Test
  void withoutDirectIoTheLogWritesThroughThePageCache() throws Exception {
    try (EventLog log = EventLog.open(dir, 100_000_000, 16 * 1024, false)) {
      assertThat(log.direct()).isFalse();
    }
    appendConcurrentlyAndReopen(dir, false);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
          assertThat(ch.size()).as("no padding through the page cache").isEqualTo(validLength(ch));
        }
      }
    }
  }

  /**
   * A direct write pads its last block with zeros and the next one rewrites that block: the segment as a kill
   * would leave it (copied while the log is open) holds every acknowledged record, opens without the padding, and
   * takes appends that read back after what was there.
   */
  @Test
  void aKilledLogsPaddedLastBlockIsCutOffAndLaterAppendsFollowItsRecords() throws Exception {
    Path copy = Files.createDirectory(dir.resolve("copy"));
    Path live = Files.createDirectory(dir.resolve("live"));
    try (EventLog log = EventLog.open(live, 10_000_000, 1 << 20)) {
      for (int i = 0; i < 30; i += 3) {
        log.append(entries(i, i + 3)); // records of 15 to 17 bytes: the ends are never on a block boundary
      }
      try (Stream<Path> files = Files.list(live)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
          Files.copy(f, copy.resolve(f.getFileName()));
          if (log.direct()) {
            assertThat(Files.size(f) % 512).as("whole blocks on disk").isZero();
            assertThat(Files.size(f)).as("padded beyond the records").isGreaterThan(log.end());
          }
        }
      }
      log.append(entries(30, 31));
      assertThat(keys(log.read(0, 100))).hasSize(31).endsWith("m29", "m30");
    }
    try (EventLog killed = EventLog.open(copy, 10_000_000, 1 << 20)) {
      assertThat(keys(killed.read(0, 100))).containsExactlyElementsOf(
          IntStream.range(0, 30).mapToObj(i -> "m" + i).toList());
      for (int i = 100; i < 110; i++) {
        killed.append(entries(i, i + 1));
      }
    }
    try (EventLog again = EventLog.open(copy, 10_000_000, 1 << 20)) {
      List<String> expected = new ArrayList<>(IntStream.range(0, 30).mapToObj(i -> "m" + i).toList());
      IntStream.range(100, 110).forEach(i -> expected.add("m" + i));
      assertThat(keys(again.read(0, 100))).containsExactlyElementsOf(expected);
      Path segment = copy.resolve(String.format("%020d.log", 0));
      assertThat(Files.size(segment)).as("closed: no padding left").isEqualTo(again.end());
    }
  }

  /**
   * Appends that together overflow the staging buffer (8 threads appending 1 MB batches into a 4 MB stage) wait for
   * room, and every record is still whole, once, in each thread's order.
   */
  @Test
  void appendsThatOverflowTheStagingBufferWaitForRoom() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (EventLog log = EventLog.open(dir, 1L << 30, 16L << 20)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 6; i++) {
            String key = "t" + thread + "-" + i;
            log.append(List.of(LogEntry.of(key, value(key, GroupCommit.STAGE_BYTES / 4 + i))));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      List<LogEntry> all = log.read(0, 1000);
      assertThat(all).hasSize(48);
      for (int t = 0; t < 8; t++) {
        String prefix = "t" + t + "-";
        assertThat(keys(all).stream().filter(k -> k.startsWith(prefix)).toList())
            .containsExactly(prefix + 0, prefix + 1, prefix + 2, prefix + 3, prefix + 4, prefix + 5);
      }
      for (LogEntry e : all) {
        int i = Integer.parseInt(e.keyString().substring(e.keyString().indexOf('-') + 1));
        assertThat(e.value()).as(e.keyString()).isEqualTo(value(e.keyString(), GroupCommit.STAGE_BYTES / 4 + i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** An append without records completes (at the end of the log) and changes nothing. */
  @Test
  void anEmptyAppendCompletesAndAddsNothing() throws Exception {
    try (EventLog log = EventLog.open(dir, 10_000_000, 1 << 20)) {
      log.append(entries(0, 2));
      long end = log.end();
      assertThat(log.appendAsync(new LogBatch(64)).get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(end);
      assertThat(log.append(List.of())).isEqualTo(end);
      log.append(entries(2, 3));
      assertThat(keys(log.read(0, 10))).containsExactly("m0", "m1", "m2");
    }
  }

  /** An append larger than the staging buffer grows it, and the appends around it keep their order. */
  @Test
  void anAppendLargerThanTheStagingBufferIsWrittenWhole() throws Exception {
    byte[] big = value("big", GroupCommit.STAGE_BYTES + 12_345);
    try (EventLog log = EventLog.open(dir, 100_000_000, 64L << 20)) {
      log.append(entries(0, 2));
      log.append(List.of(LogEntry.of("big", big)));
      log.append(entries(2, 4));
      List<LogEntry> all = log.read(0, 10);
      assertThat(keys(all)).containsExactly("m0", "m1", "big", "m2", "m3");
      assertThat(all.get(2).value()).isEqualTo(big);
    }
    try (EventLog again = EventLog.open(dir, 100_000_000, 64L << 20)) {
      assertThat(again.read(0, 10).get(2).value()).isEqualTo(big);
    }
  }

  /**
   * A write that fails (the segment is {@code /dev/full}: every write is refused with "no space left") fails the
   * appends it carried, and the log takes no more appends: later records would sit behind a gap.
   */
  @Test
  void aFailedWriteFailsItsAppendsAndTheLogTakesNoMore() throws Exception {
    Files.createSymbolicLink(dir.resolve(String.format("%020d.log", 0)), Path.of("/dev/full"));
    EventLog log = EventLog.open(dir, 10_000_000, 1 << 20);
    try {
      assertThat(log.direct()).as("a device file refuses direct I/O: the log writes through the page cache").isFalse();
      assertThatThrownBy(() -> log.append(entries(0, 2))).isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("space");
      assertThatThrownBy(() -> log.appendAsync(batchOf("after"))).isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("takes no more appends after a failed write");
      assertThat(log.end()).isZero();
      assertThat(log.read(0, 10)).isEmpty();
    } finally {
      log.close();
    }
  }

  private static LogBatch batchOf(String key) {
    return new LogBatch(64).begin(key).write(value(key, 20)).end();
  }

  /** The length of a segment's whole records, as the log's recovery reads it. */
  private static long validLength(FileChannel ch) throws java.io.IOException {
    java.nio.ByteBuffer all = java.nio.ByteBuffer.allocate((int) ch.size());
    while (all.hasRemaining() && ch.read(all, all.position()) > 0) {
      // read the whole segment
    }
    int p = 0;
    while (p + 8 <= all.capacity() && all.getInt(p) >= 2 && p + 8 + all.getInt(p) <= all.capacity()) {
      p += 8 + all.getInt(p);
    }
    return p;
  }

  /** 8 threads x 200 appends of 1 to 3 records, across segment rolls; checked when done and after a reopen. */
  private static void appendConcurrentlyAndReopen(Path dir, boolean directIo) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<java.util.concurrent.CompletableFuture<Boolean>> checks = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (EventLog log = EventLog.open(dir, 100_000_000, 16 * 1024, directIo)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          LogBatch batch = new LogBatch(64);
          for (int i = 0; i < 200; i++) {
            batch.reset();
            String key = thread + "-" + i;
            String last = null;
            int lastSize = 0;
            for (int r = 0; r < 1 + i % 3; r++) {
              last = key + "." + r;
              byte[] v = value(last, 100 + (i * 37 + r) % 900);
              lastSize = 8 + 2 + last.length() + v.length;
              batch.begin(last).write(v).end();
            }
            String lastKey = last;
            int size = lastSize;
            java.util.concurrent.CompletableFuture<Long> f = log.appendAsync(batch);
            // when the future completes, the batch's last record is readable where it ends
            checks.add(f.thenApply(end -> {
              try {
                return end <= log.end() && keys(log.read(end - size, 1)).equals(List.of(lastKey));
              } catch (java.io.IOException e) {
                return false;
              }
            }));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      for (java.util.concurrent.CompletableFuture<Boolean> c : checks) {
        assertThat(c.get()).isTrue();
      }
      assertWhole(log.read(0, 100_000));
    } finally {
      pool.shutdownNow();
    }
    try (EventLog reopened = EventLog.open(dir, 100_000_000, 16 * 1024, directIo)) {
      assertWhole(reopened.read(0, 100_000));
    }
  }

  /** A value that names its key, padded with its key's hash to {@code size} bytes. */
  private static byte[] value(String key, int size) {
    byte[] v = new byte[size];
    java.util.Arrays.fill(v, (byte) ('a' + Math.floorMod(key.hashCode(), 26)));
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(k, 0, v, 0, k.length);
    return v;
  }

  /** Every record of 8 threads x 200 appends (1 to 3 records each) once, each with the value of its key. */
  private static void assertWhole(List<LogEntry> all) {
    Set<String> seen = new HashSet<>();
    for (LogEntry e : all) {
      String key = e.keyString();
      int i = Integer.parseInt(key.substring(key.indexOf('-') + 1, key.indexOf('.')));
      int r = Integer.parseInt(key.substring(key.indexOf('.') + 1));
      assertThat(e.value()).as(key).isEqualTo(value(key, 100 + (i * 37 + r) % 900));
      assertThat(seen.add(key)).as(key + " once").isTrue();
    }
    int expected = 0;
    for (int i = 0; i < 200; i++) {
      expected += 8 * (1 + i % 3);
    }
    assertThat(seen).hasSize(expected);
  }

  @Test
  void anAsynchronousAppendCompletesOnlyOnceItsRecordsAreForcedAndRefusesAFullLogAtOnce() throws Exception {
    try (EventLog log = EventLog.open(dir, 2_000, 1_000)) {
      List<java.util.concurrent.CompletableFuture<Long>> pending = new ArrayList<>();
      List<Boolean> readableWhenDone = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int i = 0; i < 10; i++) {
        LogBatch batch = new LogBatch(64);
        batch.begin("a" + i).write(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)).end();
        String key = "a" + i;
        java.util.concurrent.CompletableFuture<Long> done = log.appendAsync(batch);
        pending.add(done.whenComplete((end, failure) -> {
          try {
            // the future completes on the flusher thread: the reader's view must hold the record already
            readableWhenDone.add(end <= log.end() && keys(log.read(0, 1_000)).contains(key));
          } catch (java.io.IOException e) {
            readableWhenDone.add(false);
          }
        }));
      }
      long last = 0;
      for (java.util.concurrent.CompletableFuture<Long> f : pending) {
        long end = f.get();
        assertThat(end).isGreaterThan(last);
        last = end;
      }
      assertThat(readableWhenDone).hasSize(10).containsOnly(true);
      LogBatch tooMuch = new LogBatch(4_000);
      tooMuch.begin("big").write(new byte[3_000]).end();
      assertThatThrownBy(() -> log.appendAsync(tooMuch)).isInstanceOf(LogFullException.class);
      assertThat(log.end()).isEqualTo(last);
    }
  }

  @Test
  void aFullLogRefusesUntilEveryCursorPassedItsOldSegments() throws Exception {
    try (EventLog log = EventLog.open(dir, 4_000, 1_000)) {
      int appended = 0;
      while (true) {
        try {
          log.append(entries(appended, appended + 10));
          appended += 10;
        } catch (LogFullException e) {
          assertThat(e.getMessage()).contains("full").contains("4000 bytes");
          break;
        }
      }
      assertThat(appended).isPositive();
      long sizeWhenFull = log.sizeBytes();
      List<LogEntry> all = log.read(0, 10_000);
      assertThat(all).hasSize(appended);

      log.commit("kafka", all.get(all.size() - 1).next());
      log.commit("flow:a", all.get(all.size() / 2).next());
      assertThat(log.sizeBytes()).as("only segments both passed are gone").isLessThan(sizeWhenFull)
          .isGreaterThan(0);
      assertThat(log.start()).isPositive();
      assertThat(log.read(0, 10_000).get(0).keyString()).as("reads from the oldest kept").isNotEqualTo("m0");

      log.commit("flow:a", all.get(all.size() - 1).next());
      log.append(entries(10_000, 10_010));
      assertThat(keys(log.read(all.get(all.size() - 1).next(), 100))).hasSize(10).startsWith("m10000");
      assertThat(log.cursors()).containsKeys("kafka", "flow:a");
    }
    try (EventLog again = EventLog.open(dir, 4_000, 1_000)) {
      assertThat(again.cursor("flow:a")).isPositive();
      assertThat(again.cursor("unknown")).isEqualTo(-1);
    }
  }

  @Test
  void releasingTheOnlyReaderFreesItsSegmentsWhileALaggingReaderKeepsThem() throws Exception {
    try (EventLog log = EventLog.open(dir, 10_000_000, 1_000)) {
      List<LogEntry> all = fill(log, 200);
      long end = all.get(all.size() - 1).next();
      long before = segmentFiles();
      log.commit("flow:lagging", all.get(5).next());
      log.commit("flow:gone", end);
      assertThat(segmentFiles()).as("the lagging reader keeps every segment after its cursor").isEqualTo(before);

      assertThat(log.release("flow:lagging")).isTrue();
      assertThat(log.cursors()).containsOnlyKeys("flow:gone");
      assertThat(segmentFiles()).as("the reader that is left has passed all but the active segment").isEqualTo(1);
      assertThat(log.start()).as("the oldest record kept is in the active segment").isGreaterThan(all.get(5).next());

      log.append(entries(200, 210));
      long start = log.start();
      log.commit("flow:other", start);
      assertThat(log.release("flow:gone")).isTrue();
      assertThat(log.start()).as("kept for the reader that has not read it").isEqualTo(start);
      assertThat(keys(log.read(0, 100))).contains("m200", "m209");
      assertThat(log.release("flow:gone")).as("released already").isFalse();
    }
    try (EventLog again = EventLog.open(dir, 10_000_000, 1_000)) {
      assertThat(again.cursors()).as("a released cursor stays released").containsOnlyKeys("flow:other");
    }
  }

  @Test
  void releasingTheLastReaderDeletesTheSegmentsItHadPassedFromDisk() throws Exception {
    try (EventLog log = EventLog.open(dir, 10_000_000, 1_000)) {
      List<LogEntry> all = fill(log, 200);
      log.commit("flow:only", 0);
      long before = segmentFiles();
      assertThat(before).isGreaterThan(3);
      long read = all.get(150).next();
      assertThat(log.release("flow:only")).isTrue();
      assertThat(segmentFiles()).as("nothing was read: nothing is freed").isEqualTo(before);

      log.commit("flow:only", read);
      long kept = segmentFiles();
      assertThat(kept).isLessThan(before);
      assertThat(log.release("flow:only")).isTrue();
      assertThat(segmentFiles()).as("the same segments as its last commit freed").isEqualTo(kept);
      assertThat(log.start()).isLessThanOrEqualTo(read);
      assertThat(log.read(0, 10_000).get(0).next()).isLessThanOrEqualTo(all.get(151).next());
    }
  }

  /** Appends {@code n} records in appends of ten; returns them as read back. */
  private static List<LogEntry> fill(EventLog log, int n) throws Exception {
    for (int i = 0; i < n; i += 10) {
      log.append(entries(i, i + 10));
    }
    return log.read(0, 10_000);
  }

  private long segmentFiles() throws java.io.IOException {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".log")).count();
    }
  }

  @Test
  void badCursorNamesAreRefused() throws Exception {
    try (EventLog log = EventLog.open(dir, 4_000, 1_000)) {
      assertThatThrownBy(() -> log.commit("../etc", 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cursor name");
    }
  }
}
