package io.cairn.connector.kafka;

import io.cairn.connector.json.JsonMessages;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.data.DatasetRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The declared configuration of the Kafka source and sink, and the client properties made from it. */
final class KafkaSettings {
  static final String BOOTSTRAP = "bootstrapServers";
  static final String TOPIC = "topic";
  static final String GROUP_ID = "groupId";
  static final String OFFSET_RESET = "autoOffsetReset";
  static final String KEY_COLUMN = "keyColumn";
  static final String SECURITY = "securityProtocol";
  static final String MECHANISM = "saslMechanism";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String TIMEOUT_MS = "timeoutMs";
  static final String FORMAT = "format";
  static final String AVRO_SCHEMA = "avroSchema";
  static final String CONSUMERS = "consumers";
  static final String COMPRESSION = "compression";
  /** The most consumers one source task runs. */
  static final int MAX_CONSUMERS = 32;
  /** The producer's batch.size: a 1,000-row batch of small JSON records fills a few such batches, not dozens. */
  static final int PRODUCER_BATCH_BYTES = 256 * 1024;

  private static final List<ConfigProperty> CONNECTION = List.of(
      ConfigProperty.builder(BOOTSTRAP, ConfigType.STRING).defaultValue("127.0.0.1:9092")
          .description("The brokers to start from, host:port,host:port").build(),
      ConfigProperty.builder(SECURITY, ConfigType.ENUM).choices("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
          .defaultValue("PLAINTEXT").description("How to talk to the brokers").build(),
      ConfigProperty.builder(MECHANISM, ConfigType.ENUM).choices("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
          .defaultValue("PLAIN").description("The SASL mechanism, with username and password").build(),
      ConfigProperty.builder(USERNAME, ConfigType.STRING).description("The SASL user, if any").build(),
      ConfigProperty.builder(PASSWORD, ConfigType.STRING).secret().description("The SASL password").build(),
      ConfigProperty.builder(TIMEOUT_MS, ConfigType.LONG).defaultValue("30000")
          .description("How long a write waits for acknowledgements, and a commit for the brokers").build(),
      ConfigProperty.builder(FORMAT, ConfigType.ENUM).choices("json", "avro").defaultValue("json")
          .description("Record values as JSON objects, or Avro records in the single-object encoding").build(),
      ConfigProperty.builder(AVRO_SCHEMA, ConfigType.STRING)
          .description("The Avro record schema as JSON; required by an Avro source, and optional for an Avro "
              + "sink (derived from the columns when absent)").build());

  static final ConfigDef SOURCE = def(List.of(
      ConfigProperty.builder(TOPIC, ConfigType.LIST).required()
          .description("The topics to consume, comma-separated").build(),
      ConfigProperty.builder(GROUP_ID, ConfigType.STRING)
          .description("The consumer group; by default cairn-<flow id>. Tasks of one group share partitions")
          .build(),
      ConfigProperty.builder(OFFSET_RESET, ConfigType.ENUM).choices("earliest", "latest").defaultValue("earliest")
          .description("Where a group without committed offsets starts").build(),
      ConfigProperty.builder(CONSUMERS, ConfigType.INT).defaultValue("1")
          .description("How many consumers of the group the task runs, each on its own thread, 1 to "
              + MAX_CONSUMERS + "; the group's partitions are spread over them").build()),
      JsonMessages.sourceProperties());

  static final ConfigDef SINK = def(List.of(
      ConfigProperty.builder(TOPIC, ConfigType.STRING).required().description("The topic to produce to").build(),
      ConfigProperty.builder(KEY_COLUMN, ConfigType.STRING)
          .description("The column whose value is the record key; by default the row's subject id").build(),
      ConfigProperty.builder(COMPRESSION, ConfigType.ENUM).choices("none", "lz4", "snappy", "zstd", "gzip")
          .defaultValue("none")
          .description("How the producer compresses record batches: none (the default, as Kafka's own) spends "
              + "no CPU on it, which is best on a fast network; lz4 or zstd trade CPU for fewer bytes").build()),
      List.of());

  private KafkaSettings() {}

  private static ConfigDef def(List<ConfigProperty> own, List<ConfigProperty> more) {
    List<ConfigProperty> all = new ArrayList<>(CONNECTION);
    all.addAll(own);
    all.addAll(more);
    return ConfigDef.of(all.toArray(ConfigProperty[]::new));
  }

  /**
   * The source's number of consumers, range-checked.
   *
   * @throws ConfigException when it is not between 1 and {@link #MAX_CONSUMERS}
   */
  static int consumers(Config config) {
    int n = config.integer(CONSUMERS);
    if (n < 1 || n > MAX_CONSUMERS) {
      throw new ConfigException(List.of("property '" + CONSUMERS + "' must be between 1 and " + MAX_CONSUMERS
          + ", not " + n));
    }
    return n;
  }

  /** The source's consumer group: {@code groupId}, by default {@code cairn-<flow id>}. */
  static String group(Config config, TaskContext ctx) {
    return config.has(GROUP_ID) ? config.string(GROUP_ID) : "cairn-" + ctx.flowId();
  }

  /** The properties of a source's consumer in {@code group}: auto-commit off, up to 2,000 records a poll. */
  static Map<String, Object> consumer(Config config, String group, String clientId) {
    Map<String, Object> p = client(config, clientId);
    p.put("group.id", group);
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", config.string(OFFSET_RESET));
    p.put("max.poll.records", "2000");
    p.put("default.api.timeout.ms", Long.toString(config.longValue(TIMEOUT_MS)));
    return p;
  }

  /**
   * The properties of a sink's producer: {@code acks=all} and idempotence, batches of up to
   * {@link #PRODUCER_BATCH_BYTES} lingering up to 5 ms, the configured compression, and timeouts within
   * {@code timeoutMs}.
   */
  static Map<String, Object> producer(Config config, String clientId) {
    long timeoutMs = config.longValue(TIMEOUT_MS);
    Map<String, Object> p = client(config, clientId);
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("linger.ms", "5");
    p.put("batch.size", Integer.toString(PRODUCER_BATCH_BYTES));
    p.put("compression.type", config.string(COMPRESSION));
    p.put("request.timeout.ms", Long.toString(Math.max(1000, timeoutMs / 2)));
    p.put("delivery.timeout.ms", Long.toString(Math.max(1000, timeoutMs / 2) + 5 + 1000));
    p.put("max.block.ms", Long.toString(timeoutMs));
    return p;
  }

  /** The client properties shared by consumers and producers. */
  static Map<String, Object> client(Config config, String clientId) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", config.string(BOOTSTRAP));
    p.put("client.id", clientId);
    p.put("security.protocol", config.string(SECURITY));
    if (config.has(USERNAME)) {
      String module = config.string(MECHANISM).equals("PLAIN")
          ? "org.apache.kafka.common.security.plain.PlainLoginModule"
          : "org.apache.kafka.common.security.scram.ScramLoginModule";
      p.put("sasl.mechanism", config.string(MECHANISM));
      p.put("sasl.jaas.config", module + " required username=\"" + escape(config.string(USERNAME))
          + "\" password=\"" + escape(config.has(PASSWORD) ? config.string(PASSWORD) : "") + "\";");
    }
    return p;
  }

  /** The dataset of topics: namespace {@code kafka://<first bootstrap server>}, name the topic(s). */
  static DatasetRef dataset(Config config, String topics) {
    String first = config.string(BOOTSTRAP).split(",")[0].strip();
    return new DatasetRef("kafka://" + first, topics);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /**
   * A daemon thread of this plugin's tasks, with the plugin's class loader as its context loader (the Kafka
   * clients load their classes through it).
   */
  static Thread pluginThread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.setContextClassLoader(KafkaSettings.class.getClassLoader());
    return t;
  }
}
