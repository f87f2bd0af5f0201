package io.cairn.connector.parquet;

import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import java.util.List;

/** The declared configuration of the Parquet source and sink. */
final class ParquetConfig {
  static final String PATH = "path";
  static final String SUBJECT_COLUMN = "subjectColumn";
  static final String PARTITION_BY = "partitionBy";
  static final String PARTITION_COLUMN = "partitionColumn";
  static final String COMPRESSION = "compression";

  static final ConfigDef SOURCE = ConfigDef.of(
      ConfigProperty.builder(PATH, ConfigType.STRING).required()
          .description("The lake folder (every .parquet file below it, Hive partitions as columns) or one file")
          .build(),
      ConfigProperty.builder(SUBJECT_COLUMN, ConfigType.STRING)
          .description("The column holding the id of the person each row is about")
          .build());

  static final ConfigDef SINK = ConfigDef.of(
      ConfigProperty.builder(PATH, ConfigType.STRING).required()
          .description("The lake folder; created when missing")
          .build(),
      ConfigProperty.builder(PARTITION_BY, ConfigType.STRING)
          .description("A DATE or TIMESTAMP column whose day (UTC) names each row's partition; without it, the "
              + "day the batch is written")
          .build(),
      ConfigProperty.builder(PARTITION_COLUMN, ConfigType.STRING).defaultValue("dt")
          .description("The partition key in folder names (dt=2024-05-01); must not be a column of the data")
          .build(),
      ConfigProperty.builder(COMPRESSION, ConfigType.ENUM).choices("snappy", "zstd", "gzip", "uncompressed")
          .defaultValue("snappy")
          .description("The Parquet compression codec")
          .build());

  private ParquetConfig() {}

  static ConfigException problem(String message) {
    return new ConfigException(List.of(message));
  }
}
