package io.cairn.platform.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Redis profile store the {@code redis} sink keeps up to date, read by the profile lookups. With no
 * {@code url} there is none, and the lookups answer 404.
 */
public class RedisConfig {
  @JsonProperty
  private String url = "";

  @JsonProperty
  private String password = "";

  /** The key prefix the flows' {@code redis} sinks use ({@code keyPrefix}). */
  @JsonProperty
  private String keyPrefix = "";

  public boolean configured() {
    return url != null && !url.isBlank();
  }

  /** The server, as {@code redis://host:port/db}. */
  public String url() {
    return url == null ? "" : url;
  }

  /** The password, or blank for none. Never logged. */
  public String password() {
    return password == null ? "" : password;
  }

  public String keyPrefix() {
    return keyPrefix == null ? "" : keyPrefix;
  }
}
