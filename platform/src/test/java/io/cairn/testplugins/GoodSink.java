package io.cairn.testplugins;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;

/** A sink with no configuration. */
public final class GoodSink implements SinkConnector {
  @Override
  public String name() {
    return "good";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of();
  }

  @Override
  public SinkTask createTask(Config config) {
    throw new UnsupportedOperationException("fixture");
  }
}
