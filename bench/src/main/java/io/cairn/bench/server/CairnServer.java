package io.cairn.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Cairn server running as a child process, exactly as {@code bin/cairn server} starts it: {@code java
 * --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow $CAIRN_JAVA_OPTS -jar
 * cairn-platform.jar server classpath:cairn.yml} with {@code CAIRN_HOME}, free ports, a bootstrap admin password and the bundled plugins
 * folder in its environment (the embedded default: an H2 catalog under the home). Its console goes to
 * {@code <home>/server.log}. Not thread-safe.
 */
public final class CairnServer implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final CairnApi api;
  private final Duration startToReady;
  private final Thread reaper;

  private CairnServer(Process process, Path log, int port, String password, Duration startToReady, Thread reaper) {
    this.process = process;
    this.log = log;
    this.api = new CairnApi(URI.create("http://127.0.0.1:" + port), "admin", password);
    this.startToReady = startToReady;
    this.reaper = reaper;
  }

  /**
   * Spawns a server on a home folder and waits until its admin {@code /healthcheck} answers 200.
   *
   * @param adminPassword the admin's password; it is set only when the home has no users yet, so pass the same
   *     one when starting again on the same home
   * @param timeout how long the server may take to become ready
   * @throws ServerFailedException when it exits, or is not ready in time (it is then killed)
   */
  public static CairnServer start(Installation installation, Path home, String adminPassword, Duration timeout) {
    return start(installation, home, adminPassword, timeout, Map.of());
  }

  /**
   * As {@link #start(Installation, Path, String, Duration)}, with more settings in the environment, e.g.
   * {@code CAIRN_DATABASE_URL} for a PostgreSQL catalog.
   */
  public static CairnServer start(Installation installation, Path home, String adminPassword, Duration timeout,
      Map<String, String> settings) {
    try {
      Files.createDirectories(home);
      Path log = home.resolve("server.log");
      int port = freePort();
      int adminPort = freePort();
      ProcessBuilder pb = new ProcessBuilder(command(installation))
          .directory(installation.root().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("CAIRN_")); // no catalog URL or other setting from the caller
      env.putAll(Map.of(
          "CAIRN_HOME", home.toString(),
          "CAIRN_PORT", Integer.toString(port),
          "CAIRN_ADMIN_PORT", Integer.toString(adminPort),
          "CAIRN_ADMIN_PASSWORD", adminPassword,
          "CAIRN_BUNDLED_PLUGINS", installation.bundledPlugins().toString(),
          "CAIRN_BATCH_SIZE", "1000",
          "ORT_DISABLE_TELEMETRY", "1"));
      env.putAll(settings);
      long spawned = System.nanoTime();
      Process process = pb.start();
      Thread reaper = new Thread(process::destroyForcibly, "cairn-bench-server-reaper");
      Runtime.getRuntime().addShutdownHook(reaper);
      try {
        Duration ready = awaitHealthy(process, adminPort, spawned, timeout, log);
        return new CairnServer(process, log, port, adminPassword, ready, reaper);
      } catch (RuntimeException e) {
        process.destroyForcibly();
        Runtime.getRuntime().removeShutdownHook(reaper);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The time from spawning the process to the first 200 from {@code /healthcheck}. */
  public Duration startToReady() {
    return startToReady;
  }

  /** The CPU time the server process has used so far (every thread), as the operating system counts it. */
  public Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /**
   * The CPU time the server's threads other than the JVM's garbage collector and JIT compiler threads have used
   * so far, from Linux's {@code /proc/<pid>/task/<tid>/stat} (user + system ticks of 10 ms); zero elsewhere.
   */
  public Duration applicationCpuTime() {
    long ticks = 0;
    try (var tasks = java.nio.file.Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = java.nio.file.Files.readString(task.resolve("stat"));
        } catch (java.io.IOException e) {
          continue; // the thread ended
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("C1 CompilerThre")
            || name.startsWith("C2 CompilerThre")) {
          continue;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      }
    } catch (java.io.IOException e) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(ticks * 10);
  }

  /** The server process (e.g. for its CPU time). */
  public ProcessHandle process() {
    return process.toHandle();
  }

  /** A client of this server's REST API, signed in as {@code admin}. */
  public CairnApi api() {
    return api;
  }

  /** The last lines of the server's console. */
  public String logTail(int lines) {
    return tail(log, lines);
  }

  /** Stops the server (SIGTERM, so it shuts down cleanly) and waits for it to exit; kills it after a minute. */
  @Override
  public void close() {
    api.close();
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and the hook runs anyway
    }
  }

  private static List<String> command(Installation installation) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 23) {
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    String javaOpts = System.getenv("CAIRN_JAVA_OPTS"); // as bin/cairn server passes it, e.g. -Xmx2g
    if (javaOpts != null && !javaOpts.isBlank()) {
      cmd.addAll(List.of(javaOpts.strip().split("\\s+")));
    }
    cmd.addAll(List.of("-jar", installation.jar().toString(), "server", "classpath:cairn.yml"));
    return cmd;
  }

  private static Duration awaitHealthy(Process process, int adminPort, long spawned, Duration timeout, Path log) {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      return awaitHealthy(http, process, adminPort, spawned, timeout, log);
    }
  }

  private static Duration awaitHealthy(HttpClient http, Process process, int adminPort, long spawned,
      Duration timeout, Path log) {
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/healthcheck"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    String last = "no answer";
    while (true) {
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - spawned);
        }
        last = "HTTP " + r.statusCode() + ": " + r.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        throw interrupted(log);
      }
      if (!process.isAlive()) {
        throw new ServerFailedException("the server exited with code " + process.exitValue()
            + " before it was ready", tail(log, 40));
      }
      if (System.nanoTime() - spawned > timeout.toNanos()) {
        throw new ServerFailedException("the server was not ready after " + timeout.toSeconds() + " s (last "
            + "/healthcheck answer: " + last + ")", tail(log, 40));
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        throw interrupted(log);
      }
    }
  }

  private static ServerFailedException interrupted(Path log) {
    Thread.currentThread().interrupt();
    return new ServerFailedException("interrupted while waiting for the server", tail(log, 40));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
