package io.cairn.connector.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * One of the machine's services (RabbitMQ, Mosquitto, Redis) that live tests talk to: when its port does not
 * answer, the machine's start command is run and the port awaited. Immutable.
 *
 * @param name the service, for messages
 * @param host the host it listens on
 * @param port its port
 * @param startCommand the shell command that starts it on this machine
 */
public record LiveService(String name, String host, int port, String startCommand) {
  /** RabbitMQ on 127.0.0.1:5672 (guest/guest). */
  public static final LiveService RABBITMQ =
      new LiveService("RabbitMQ", "127.0.0.1", 5672, "rabbitmq-server -detached");
  /** Mosquitto on 127.0.0.1:1883. */
  public static final LiveService MOSQUITTO =
      new LiveService("Mosquitto", "127.0.0.1", 1883, "mosquitto -d -c /etc/mosquitto/mosquitto.conf");
  /** Redis on 127.0.0.1:6379, keeping nothing on disk. */
  public static final LiveService REDIS = new LiveService("Redis", "127.0.0.1", 6379,
      "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no "
          + "--dir /var/lib/redis --logfile /var/log/redis/ci.log");

  private static final long START_TIMEOUT_MS = 60_000;

  /**
   * Returns when the service answers, starting it first when it does not.
   *
   * @throws IllegalStateException when it still does not answer after the start command and a minute
   */
  public LiveService ensureRunning() throws IOException, InterruptedException {
    if (answers()) {
      return this;
    }
    Process p = new ProcessBuilder("sh", "-c", startCommand).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.waitFor(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (!answers()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(name + " does not answer on " + host + ":" + port + " after '"
            + startCommand + "'");
      }
      Thread.sleep(250);
    }
    return this;
  }

  /** Whether something accepts connections on the port. */
  public boolean answers() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
