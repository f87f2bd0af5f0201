package io.cairn.connector.file;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import org.pf4j.Extension;

/**
 * {@code cairn:sink:file}: appends CSV or JSON-lines to a file in a folder, durable at the end of every
 * write. Stateless.
 */
@Extension
public final class FileSinkConnector implements SinkConnector {
  @Override
  public String name() {
    return "file";
  }

  @Override
  public String description() {
    return "Writes CSV or JSON-lines files into a folder";
  }

  @Override
  public ConfigDef configDef() {
    return FileConfig.SINK;
  }

  @Override
  public SinkTask createTask(Config config) {
    return new FileSinkTask(SinkSettings.of(config));
  }
}
