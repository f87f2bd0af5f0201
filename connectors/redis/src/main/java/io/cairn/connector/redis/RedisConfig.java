package io.cairn.connector.redis;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import java.net.URI;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** The declared configuration of the Redis profile sink, and the connection it opens. */
final class RedisConfig {
  static final String URL = "url";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String KEY_PREFIX = "keyPrefix";
  static final String KEY_COLUMNS = "keyColumns";
  static final String SEGMENTS_COLUMN = "segmentsColumn";
  static final String FIELDS = "fields";

  static final ConfigDef SINK = ConfigDef.of(
      ConfigProperty.builder(URL, ConfigType.STRING).defaultValue("redis://127.0.0.1:6379")
          .description("The Redis server, as redis://host:port/db (rediss:// for TLS); credentials go in "
              + "username and password").build(),
      ConfigProperty.builder(USERNAME, ConfigType.STRING).description("The ACL user, if any").build(),
      ConfigProperty.builder(PASSWORD, ConfigType.STRING).secret().description("The password, if any").build(),
      ConfigProperty.builder(KEY_PREFIX, ConfigType.STRING).defaultValue("")
          .description("Put before every key, e.g. shop1: for shop1:profile:<id>").build(),
      ConfigProperty.builder(KEY_COLUMNS, ConfigType.LIST)
          .description("The columns whose values, joined by ':', are the profile id; by default the row's "
              + "subject id").build(),
      ConfigProperty.builder(SEGMENTS_COLUMN, ConfigType.STRING)
          .description("The column listing the profile's segments (comma-separated or a JSON array): its "
              + "complete membership, replacing the one stored").build(),
      ConfigProperty.builder(FIELDS, ConfigType.LIST)
          .description("The columns kept in the profile hash; by default all but the segments column").build());

  private RedisConfig() {}

  /**
   * The server URI, checked.
   *
   * @throws ConfigException when it is not redis:// or rediss:// with a host
   */
  static URI uri(Config config) {
    String value = config.string(URL);
    try {
      URI uri = URI.create(value);
      if (uri.getHost() == null || !List.of("redis", "rediss").contains(uri.getScheme())) {
        throw new IllegalArgumentException("needs redis:// or rediss:// and a host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("property 'url' is not a Redis URL such as redis://host:6379: '"
          + value + "' (" + e.getMessage() + ")"));
    }
  }

  /** Opens a connection (no pool: one task writes from one thread). */
  static Jedis connect(Config config, URI uri, String clientName) {
    DefaultJedisClientConfig.Builder c = DefaultJedisClientConfig.builder()
        .ssl("rediss".equals(uri.getScheme()))
        .database(database(uri))
        .clientName(clientName)
        .timeoutMillis(10_000);
    if (config.has(USERNAME)) {
      c.user(config.string(USERNAME));
    }
    if (config.has(PASSWORD)) {
      c.password(config.string(PASSWORD));
    }
    Jedis jedis = new Jedis(new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), c.build());
    jedis.ping();
    return jedis;
  }

  private static int database(URI uri) {
    String path = uri.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    try {
      return Integer.parseInt(path.substring(1));
    } catch (NumberFormatException e) {
      throw new ConfigException(List.of("property 'url': the path must be a database number: '" + path + "'"));
    }
  }
}
