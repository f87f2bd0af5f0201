package io.cairn.kafka.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One real Kafka node (KRaft: broker and controller in one process) in this JVM, listening on 127.0.0.1.
 * Its data lives in a folder of the caller's, so a {@link #stop}ped broker {@link #start}s again with what it
 * had, on the same ports. Not thread-safe: start and stop from one thread.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final long READY_TIMEOUT_MS = 60_000;

  private final Path logDir;
  private final int brokerPort;
  private final int controllerPort;
  private KafkaRaftServer server;

  private EmbeddedKafka(Path logDir, int brokerPort, int controllerPort) {
    this.logDir = logDir;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
  }

  /**
   * Formats the folder when it is new and starts a broker on it; returns once the broker answers.
   *
   * @param dir the broker's data folder (created when missing)
   * @param brokerPort the client port, or 0 for a free one
   */
  public static EmbeddedKafka start(Path dir, int brokerPort) throws Exception {
    Files.createDirectories(dir);
    int[] free = freePorts(brokerPort == 0 ? 2 : 1, brokerPort);
    EmbeddedKafka kafka = new EmbeddedKafka(dir.toAbsolutePath(), brokerPort == 0 ? free[0] : brokerPort,
        free[free.length - 1]);
    if (!Files.exists(dir.resolve("meta.properties"))) {
      kafka.format();
    }
    kafka.start();
    return kafka;
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** Starts the broker again after {@link #stop}, on the same ports and data; returns once it answers. */
  public synchronized void start() throws Exception {
    if (server != null) {
      return;
    }
    KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(properties(), false), Time.SYSTEM);
    s.startup();
    server = s;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin.describeCluster().nodes().get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
  }

  /** Stops the broker, keeping its data; clients see it gone until {@link #start}. */
  public synchronized void stop() {
    KafkaRaftServer s = server;
    server = null;
    if (s != null) {
      s.shutdown();
      s.awaitShutdown();
    }
  }

  /** Whether the broker runs. */
  public synchronized boolean running() {
    return server != null;
  }

  @Override
  public void close() {
    stop();
  }

  private void format() throws Exception {
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(1)
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(logDir.toString())
        .setDirectories(List.of(logDir.toString()))
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setUnstableFeatureVersionsEnabled(false)
        .run();
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());
    p.put("num.partitions", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    // the log cleaner's dedupe buffer is heap: 128 MB by default, far more than one machine's topics need
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    return p;
  }

  /**
   * Free ports, distinct from each other and from {@code taken}: every socket stays open until all are chosen, so
   * the system cannot hand out one port twice (choosing them one after the other once gave the broker and its
   * controller the same port).
   */
  static int[] freePorts(int count, int taken) throws IOException {
    java.util.List<ServerSocket> open = new java.util.ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; ) {
        ServerSocket s = new ServerSocket(0);
        open.add(s);
        if (s.getLocalPort() != taken) {
          ports[i++] = s.getLocalPort();
        }
      }
      return ports;
    } finally {
      for (ServerSocket s : open) {
        s.close();
      }
    }
  }
}
