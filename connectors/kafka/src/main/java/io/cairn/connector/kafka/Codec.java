package io.cairn.connector.kafka;

import io.cairn.connector.json.JsonMessages;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.util.List;

/** How record values are read into rows and rows written as values: JSON objects or Avro records. */
interface Codec {
  /** The rows of the values in order; a value that does not decode goes to the quarantine with the reason. */
  Batch decode(List<byte[]> values, List<String> offsets, DatasetRef dataset, TaskContext context,
      String batchOffset);

  /** A row as a record value. */
  byte[] encode(Schema schema, Row row);

  /** The codec the validated configuration asks for. */
  static Codec of(Config config, boolean source) {
    boolean avro = "avro".equals(config.string(KafkaSettings.FORMAT));
    if (!avro) {
      if (config.has(KafkaSettings.AVRO_SCHEMA)) {
        throw new ConfigException(List.of("property 'avroSchema' needs format: avro"));
      }
      JsonMessages messages = source ? JsonMessages.of(config) : null;
      return new Codec() {
        @Override
        public Batch decode(List<byte[]> values, List<String> offsets, DatasetRef dataset, TaskContext context,
            String batchOffset) {
          return messages.toBatch(values, offsets, dataset, context, batchOffset);
        }

        @Override
        public byte[] encode(Schema schema, Row row) {
          return JsonMessages.toJson(schema, row);
        }
      };
    }
    if (source && config.has(JsonMessages.COLUMNS)) {
      throw new ConfigException(List.of("property 'columns' is for JSON; with format: avro the columns come from "
          + "'avroSchema'"));
    }
    if (source && !config.has(KafkaSettings.AVRO_SCHEMA)) {
      throw new ConfigException(List.of("property 'avroSchema' is required with format: avro (the record schema "
          + "the values were written with, as JSON)"));
    }
    return AvroCodec.of(config.string(KafkaSettings.AVRO_SCHEMA),
        source ? config.string(JsonMessages.SUBJECT_COLUMN) : null);
  }
}
