package io.cairn.platform.profilestore;

import io.cairn.platform.config.RedisConfig;
import io.dropwizard.lifecycle.Managed;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Reads the Redis profile view through a connection pool. Thread-safe; {@link #stop} closes the pool.
 * Keys follow the {@code redis} connector's layout with the configured prefix.
 */
public final class ProfileStore implements Managed {
  private final JedisPooled redis;
  private final String prefix;
  private final String address;

  /**
   * A store for the configuration; connects lazily.
   *
   * @throws IllegalArgumentException when the URL is not {@code redis://} or {@code rediss://} with a host
   */
  public ProfileStore(RedisConfig config) {
    URI uri = URI.create(config.url());
    if (uri.getHost() == null || !List.of("redis", "rediss").contains(uri.getScheme())) {
      throw new IllegalArgumentException("redis.url must be redis://host:port/db: '" + config.url() + "'");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
    DefaultJedisClientConfig.Builder c = DefaultJedisClientConfig.builder()
        .ssl("rediss".equals(uri.getScheme()))
        .database(path.isEmpty() ? 0 : Integer.parseInt(path))
        .clientName("cairn-lookups")
        .timeoutMillis(2_000);
    if (!config.password().isBlank()) {
      c.password(config.password());
    }
    int port = uri.getPort() < 0 ? 6379 : uri.getPort();
    this.redis = new JedisPooled(new HostAndPort(uri.getHost(), port), c.build());
    this.prefix = config.keyPrefix();
    this.address = uri.getHost() + ":" + port;
  }

  /** The profile's segments, sorted; empty for a profile in none (or unknown). */
  public Set<String> segments(String profileId) {
    return new TreeSet<>(redis.smembers(prefix + "profile_segments:" + profileId));
  }

  /** Whether Redis answers a PING. */
  public boolean ping() {
    return "PONG".equals(redis.ping());
  }

  /** Where the store is, for messages: {@code host:port}. */
  public String address() {
    return address;
  }

  @Override
  public void stop() {
    redis.close();
  }
}
