package io.cairn.connector.parquet;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import java.nio.file.Path;
import org.pf4j.Extension;

/** {@code cairn:source:parquet}: reads the Parquet files of a lake folder, Hive partitions included. */
@Extension
public final class ParquetSourceConnector implements SourceConnector {
  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public String description() {
    return "Reads the Parquet files of a lake folder (Hive partitions as columns)";
  }

  @Override
  public ConfigDef configDef() {
    return ParquetConfig.SOURCE;
  }

  @Override
  public SourceTask createTask(Config config) {
    return new ParquetSourceTask(Path.of(config.string(ParquetConfig.PATH)).toAbsolutePath().normalize(),
        config.string(ParquetConfig.SUBJECT_COLUMN));
  }
}
