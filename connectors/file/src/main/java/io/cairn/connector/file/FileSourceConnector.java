package io.cairn.connector.file;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import org.pf4j.Extension;

/**
 * {@code cairn:source:file}: reads CSV or JSON-lines from a file or the files of a folder. Records that do
 * not parse go to the quarantine with the line and the reason; the read goes on. Stateless.
 */
@Extension
public final class FileSourceConnector implements SourceConnector {
  @Override
  public String name() {
    return "file";
  }

  @Override
  public String description() {
    return "Reads CSV or JSON-lines files, one file or the matching files of a folder";
  }

  @Override
  public ConfigDef configDef() {
    return FileConfig.SOURCE;
  }

  @Override
  public SourceTask createTask(Config config) {
    return new FileSourceTask(SourceSettings.of(config));
  }
}
