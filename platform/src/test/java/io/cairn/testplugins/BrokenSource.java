package io.cairn.testplugins;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;

/** A source that cannot be created. */
public final class BrokenSource implements SourceConnector {
  public BrokenSource() {
    throw new IllegalStateException("broken on purpose");
  }

  @Override
  public String name() {
    return "broken";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of();
  }

  @Override
  public SourceTask createTask(Config config) {
    throw new UnsupportedOperationException("fixture");
  }
}
