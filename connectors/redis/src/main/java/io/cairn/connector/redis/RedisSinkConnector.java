package io.cairn.connector.redis;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import org.pf4j.Extension;

/** {@code cairn:sink:redis}: keeps a real-time profile view (hashes and segment sets) in Redis. Stateless. */
@Extension
public final class RedisSinkConnector implements SinkConnector {
  @Override
  public String name() {
    return "redis";
  }

  @Override
  public String description() {
    return "Keeps a real-time profile view in Redis: a hash per profile, a set per segment and per profile";
  }

  @Override
  public ConfigDef configDef() {
    return RedisConfig.SINK;
  }

  @Override
  public SinkTask createTask(Config config) {
    return new RedisSinkTask(config);
  }
}
