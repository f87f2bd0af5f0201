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
  void badCursorNamesAreRefused() throws Exception {
    try (EventLog log = EventLog.open(dir, 4_000, 1_000)) {
      assertThatThrownBy(() -> log.commit("../etc", 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cursor name");
    }
  }
}
