package io.cairn.connector.parquet;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import java.nio.file.Path;
import org.pf4j.Extension;

/** {@code cairn:sink:parquet}: writes batches as Parquet files into a date-partitioned lake folder. */
@Extension
public final class ParquetSinkConnector implements SinkConnector {
  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public String description() {
    return "Writes Parquet files into a lake folder partitioned by date (Hive-style)";
  }

  @Override
  public ConfigDef configDef() {
    return ParquetConfig.SINK;
  }

  @Override
  public SinkTask createTask(Config config) {
    String column = config.string(ParquetConfig.PARTITION_COLUMN);
    if (!column.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
      throw ParquetConfig.problem("property 'partitionColumn' must be a plain name: " + column);
    }
    return new ParquetSinkTask(Path.of(config.string(ParquetConfig.PATH)).toAbsolutePath().normalize(),
        config.string(ParquetConfig.PARTITION_BY), column, config.string(ParquetConfig.COMPRESSION));
  }
}
