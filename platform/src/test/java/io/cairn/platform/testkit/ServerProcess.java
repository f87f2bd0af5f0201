package io.cairn.platform.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Cairn server in its own JVM (the test class path, {@code server classpath:cairn.yml}), so tests
 * can kill it with SIGKILL and start it again on the same home.
 */
public final class ServerProcess implements AutoCloseable {
  private final Path home;
  private final Map<String, String> env;
  private final int port;
  private final Path log;
  private Process process;

  public ServerProcess(Path home, Map<String, String> env) {
    this.home = home;
    this.env = Map.copyOf(env);
    this.port = freePort();
    this.log = home.resolve("server-" + port + ".log");
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://localhost:" + port;
  }

  /** Starts the server and waits until its health check answers 200. */
  public ServerProcess start() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "io.cairn.platform.CairnApplication", "server", "classpath:cairn.yml"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    pb.environment().put("CAIRN_HOME", home.toString());
    pb.environment().put("CAIRN_PORT", Integer.toString(port));
    pb.environment().put("CAIRN_ADMIN_PORT", Integer.toString(port + 1));
    process = pb.start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + (port + 1) + "/healthcheck"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("server did not become healthy:\n" + logTail());
  }

  /** SIGKILL: no shutdown hook, no cleanup, as a crash would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private static int freePort() {
    for (int i = 0; i < 20; i++) {
      try (ServerSocket a = new ServerSocket(0)) {
        int p = a.getLocalPort();
        try (ServerSocket b = new ServerSocket(p + 1)) {
          return p;
        } catch (IOException taken) {
          // the admin port is taken; try another pair
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no free pair of ports");
  }
}
