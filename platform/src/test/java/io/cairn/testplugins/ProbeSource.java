package io.cairn.testplugins;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;

/** A source whose description tells where its plugin finds Jackson's ObjectMapper, if anywhere. */
public final class ProbeSource implements SourceConnector {
  @Override
  public String name() {
    return "probe";
  }

  @Override
  public String description() {
    try {
      Class<?> c = Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, getClass().getClassLoader());
      return "ObjectMapper from " + c.getClassLoader();
    } catch (ClassNotFoundException e) {
      return "ObjectMapper not visible";
    }
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
