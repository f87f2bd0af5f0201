package io.cairn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the figures were taken: they mean little without the machine and the code they came from.
 *
 * @param commit the source tree's commit, with {@code +changes} when it has uncommitted changes
 * @param loadAverage the system load average over the last minute when the run started (-1 where unknown): other
 *     work on the machine shows in every figure
 */
record Environment(String takenAt, String commit, String java, String os, int cores, double loadAverage,
    long maxHeapMb) {
  static Environment capture(Path root) {
    Runtime rt = Runtime.getRuntime();
    return new Environment(
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
        commit(root),
        System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        rt.availableProcessors(),
        Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0,
        rt.maxMemory() / (1024 * 1024));
  }

  private static String commit(Path root) {
    String head = git(root, "rev-parse", "--short", "HEAD");
    if (head == null) {
      return "unknown";
    }
    String changes = git(root, "status", "--porcelain", "--untracked-files=no");
    return changes == null || changes.isBlank() ? head : head + "+changes";
  }

  private static String git(Path root, String... args) {
    try {
      Process p = new ProcessBuilder(concat(List.of("git", "-C", root.toString()), args))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static List<String> concat(List<String> head, String... tail) {
    return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
  }
}
