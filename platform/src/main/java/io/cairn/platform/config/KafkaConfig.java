package io.cairn.platform.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Kafka for a single machine: with {@code embedded: true} the server runs a real one-node broker (KRaft) under
 * {@code <home>/kafka} on 127.0.0.1:{@code port}, which flows reach with {@code bootstrapServers:
 * 127.0.0.1:<port>} (the kafka connector's default for port 9092). A cluster needs nothing here: flows name
 * its brokers.
 */
public class KafkaConfig {
  @JsonProperty
  private boolean embedded;

  @JsonProperty
  @Min(0)
  @Max(65_535)
  private int port = 9092;

  public boolean embedded() {
    return embedded;
  }

  /** The embedded broker's client port; 0 picks a free one. */
  public int port() {
    return port;
  }
}
