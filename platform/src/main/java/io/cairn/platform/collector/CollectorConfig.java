package io.cairn.platform.collector;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * The event collector ({@code collector:} in cairn.yml): where its write-ahead log lives and how big it may
 * grow, the optional Kafka topic it feeds, the rate limit per write key and the browser origins allowed.
 */
public class CollectorConfig {
  @JsonProperty
  private boolean enabled = true;

  /** The write-ahead log's folder; empty: {@code <home>/collector/wal}. */
  @JsonProperty
  private String walDir = "";

  /** The bound of the write-ahead log in bytes; beyond it the collector answers 503. */
  @JsonProperty
  @Min(1024)
  private long walMaxBytes = 1L << 30;

  @JsonProperty
  @Min(1024)
  private long walSegmentBytes = 64L << 20;

  /**
   * Whether the write-ahead log is written around the page cache (direct I/O) where the file system allows it;
   * false: through the page cache.
   */
  @JsonProperty
  private boolean walDirectIo = true;

  /** The topic events are forwarded to (key = messageId); empty: no Kafka, flows read the log. */
  @JsonProperty
  private String kafkaTopic = "";

  /** The brokers; empty: the embedded broker ({@code kafka.embedded}, on {@code kafka.port}). */
  @JsonProperty
  private String kafkaBootstrapServers = "";

  /** Events per second each write key may send (with a burst of one second's worth); 0: unlimited. */
  @JsonProperty
  @Min(0)
  private int eventsPerSecondPerKey = 100_000;

  @JsonProperty
  @Min(1)
  @Max(1 << 20)
  private int maxEventBytes = 32 * 1024;

  @JsonProperty
  @Min(1)
  @Max(16 << 20)
  private int maxBatchBytes = 500 * 1024;

  /**
   * Addresses or CIDR ranges of the proxies in front of the collector (e.g. {@code 10.0.0.0/8}); a request whose
   * peer is one of them is stamped with the client address its {@code X-Forwarded-For} names. Empty (the
   * default): the socket's peer address, and the header is never trusted.
   */
  @JsonProperty
  private List<String> trustedProxies = List.of();

  /** Origins browsers may send events from ({@code *}: any). */
  @JsonProperty
  private List<String> allowedOrigins = List.of("*");

  public boolean enabled() {
    return enabled;
  }

  public String walDir() {
    return walDir;
  }

  public long walMaxBytes() {
    return walMaxBytes;
  }

  public long walSegmentBytes() {
    return walSegmentBytes;
  }

  public boolean walDirectIo() {
    return walDirectIo;
  }

  public String kafkaTopic() {
    return kafkaTopic;
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  public int eventsPerSecondPerKey() {
    return eventsPerSecondPerKey;
  }

  public int maxEventBytes() {
    return maxEventBytes;
  }

  public int maxBatchBytes() {
    return maxBatchBytes;
  }

  public List<String> trustedProxies() {
    return trustedProxies;
  }

  public List<String> allowedOrigins() {
    return allowedOrigins;
  }
}
