package io.cairn.platform.lineage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.FileTransport;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.KafkaConfig;
import io.openlineage.client.transports.KafkaTransport;
import io.openlineage.client.transports.TokenProvider;
import io.openlineage.client.transports.Transport;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Where else Cairn's own events go, through the official client's transports: {@code none} (the default),
 * {@code http} (Marquez, OpenMetadata, DataHub, another Cairn: posts to {@code <url>/api/v1/lineage}, with
 * {@code apiKey} as bearer token when given), {@code kafka} (one JSON event per record on {@code topic} at
 * {@code bootstrap}, keyed by the client's default: the job, so a run's events stay in order) or {@code file}
 * (one JSON event per line at {@code location}).
 */
public class LineageTransportConfig {
  @JsonProperty
  @Pattern(regexp = "none|http|kafka|file", message = "must be none, http, kafka or file")
  private String type = "none";

  @JsonProperty
  private String url = "";

  /** A secret: never logged or returned. */
  @JsonProperty
  private String apiKey = "";

  @JsonProperty
  private String location = "";

  /** Kafka's {@code bootstrap.servers}, for a kafka transport. */
  @JsonProperty
  private String bootstrap = "";

  @JsonProperty
  private String topic = "openlineage";

  /** The transport, or empty for {@code none}; refuses an incomplete configuration. */
  public Optional<Transport> create() {
    switch (type) {
      case "http" -> {
        if (url == null || url.isBlank()) {
          throw new IllegalArgumentException("lineage.transport.url is required for an http transport");
        }
        HttpConfig config = new HttpConfig();
        config.setUrl(URI.create(url));
        if (apiKey != null && !apiKey.isBlank()) {
          config.setAuth(new MaskedToken(apiKey));
        }
        return Optional.of(new HttpTransport(config));
      }
      case "kafka" -> {
        if (bootstrap == null || bootstrap.isBlank() || topic == null || topic.isBlank()) {
          throw new IllegalArgumentException(
              "lineage.transport.bootstrap and lineage.transport.topic are required for a kafka transport");
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("client.id", "cairn-lineage");
        KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
            new StringSerializer());
        return Optional.of(new KafkaTransport(producer, new KafkaConfig(topic, null, props)));
      }
      case "file" -> {
        if (location == null || location.isBlank()) {
          throw new IllegalArgumentException("lineage.transport.location is required for a file transport");
        }
        return Optional.of(new FileTransport(new FileConfig(location)));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** A bearer token that does not show in {@code toString} (the client's own provider prints its key). */
  private record MaskedToken(String apiKey) implements TokenProvider {
    @Override
    public String getToken() {
      return "Bearer " + apiKey;
    }

    @Override
    public String toString() {
      return "MaskedToken[***]";
    }
  }

  /** For tests and embedding: an http transport. */
  static LineageTransportConfig http(String url, String apiKey) {
    LineageTransportConfig c = new LineageTransportConfig();
    c.type = "http";
    c.url = url;
    c.apiKey = apiKey;
    return c;
  }

  /** For tests and embedding: a kafka transport. */
  static LineageTransportConfig kafka(String bootstrap, String topic) {
    LineageTransportConfig c = new LineageTransportConfig();
    c.type = "kafka";
    c.bootstrap = bootstrap;
    c.topic = topic;
    return c;
  }

  /** For tests and embedding: a file transport. */
  static LineageTransportConfig file(String location) {
    LineageTransportConfig c = new LineageTransportConfig();
    c.type = "file";
    c.location = location;
    return c;
  }
}
