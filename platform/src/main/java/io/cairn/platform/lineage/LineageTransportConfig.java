package io.cairn.platform.lineage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.FileTransport;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.TokenProvider;
import io.openlineage.client.transports.Transport;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Optional;

/**
 * Where else Cairn's own events go, through the official client's transports: {@code none} (the default),
 * {@code http} (Marquez, OpenMetadata, DataHub, another Cairn: posts to {@code <url>/api/v1/lineage}, with
 * {@code apiKey} as bearer token when given) or {@code file} (one JSON event per line at {@code location}).
 */
public class LineageTransportConfig {
  @JsonProperty
  @Pattern(regexp = "none|http|file", message = "must be none, http or file")
  private String type = "none";

  @JsonProperty
  private String url = "";

  /** A secret: never logged or returned. */
  @JsonProperty
  private String apiKey = "";

  @JsonProperty
  private String location = "";

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

  /** For tests and embedding: a file transport. */
  static LineageTransportConfig file(String location) {
    LineageTransportConfig c = new LineageTransportConfig();
    c.type = "file";
    c.location = location;
    return c;
  }
}
