package io.cairn.platform.dsar;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code erasure:} section: the key of the tombstone hashes and bundle encryption (base64, at least 16 bytes;
 * blank: generated once under {@code <home>/keys}), how often running flows look for new tombstones, how many
 * requests run at once, and one JDBC connection per namespace that erasure may change. Passwords are never
 * logged or returned.
 */
public class ErasureConfig {
  /** Base64 erasure key; env CAIRN_ERASURE_KEY. */
  @JsonProperty
  private String key = "";

  @JsonProperty
  @Min(1)
  @Max(3600)
  private int tombstoneCheckSeconds = 5;

  @JsonProperty
  @Min(1)
  @Max(16)
  private int threads = 2;

  @JsonProperty
  @Valid
  @NotNull
  private List<Connection> connections = new ArrayList<>();

  /** How erasure reaches the datasets of one namespace. */
  public static class Connection {
    /** The OpenLineage namespace, e.g. {@code postgres://127.0.0.1:5432} or {@code mysql://db:3306}. */
    @JsonProperty
    @NotBlank
    private String namespace;

    @JsonProperty
    @NotBlank
    private String url;

    @JsonProperty
    private String user = "";

    @JsonProperty
    private String password = "";

    public String namespace() {
      return namespace;
    }

    public String url() {
      return url;
    }

    public String user() {
      return user;
    }

    public String password() {
      return password;
    }

    @Override
    public String toString() {
      return "Connection[" + namespace + ", password hidden]";
    }
  }

  public String key() {
    return key;
  }

  public int tombstoneCheckSeconds() {
    return tombstoneCheckSeconds;
  }

  public int threads() {
    return threads;
  }

  public List<Connection> connections() {
    return connections;
  }

  @Override
  public String toString() {
    return "ErasureConfig[" + connections.size() + " connections, key hidden]";
  }
}
