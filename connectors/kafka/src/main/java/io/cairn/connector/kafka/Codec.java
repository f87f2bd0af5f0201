package io.cairn.connector.kafka;

import io.cairn.connector.json.JsonMessages;
import io.cairn.connector.json.JsonRowWriter;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** How record values are read into rows and rows written as values: JSON objects or Avro records. */
interface Codec {
  /** The value a null record value is read as. */
  byte[] EMPTY = new byte[0];

  /** The rows of the values in order; a value that does not decode goes to the quarantine with the reason. */
  Batch decode(List<byte[]> values, List<String> offsets, DatasetRef dataset, TaskContext context,
      String batchOffset);

  /**
   * The rows of records' values in order, each with its provenance {@code topic/partition/offset}; a value that
   * does not decode (or is null) goes to the quarantine with the reason.
   */
  default Batch decode(List<ConsumerRecord<byte[], byte[]>> records, DatasetRef dataset, TaskContext context,
      String batchOffset) {
    List<byte[]> values = new ArrayList<>(records.size());
    List<String> offsets = new ArrayList<>(records.size());
    String topic = null;
    int partition = -1;
    String prefix = null;
    for (ConsumerRecord<byte[], byte[]> r : records) {
      values.add(r.value() == null ? EMPTY : r.value());
      if (r.partition() != partition || !r.topic().equals(topic)) {
        topic = r.topic();
        partition = r.partition();
        prefix = topic + "/" + partition + "/";
      }
      offsets.add(prefix + r.offset());
    }
    return decode(values, offsets, dataset, context, batchOffset);
  }

  /** A row as a record value; called by one thread at a time (the sink's sender). */
  byte[] encode(Schema schema, Row row);

  /** The codec the validated configuration asks for. */
  static Codec of(Config config, boolean source) {
    boolean avro = "avro".equals(config.string(KafkaSettings.FORMAT));
    if (!avro) {
      if (config.has(KafkaSettings.AVRO_SCHEMA)) {
        throw new ConfigException(List.of("property 'avroSchema' needs format: avro"));
      }
      JsonMessages messages = source ? JsonMessages.of(config) : null;
      JsonRowWriter writer = source ? null : new JsonRowWriter();
      return new Codec() {
        @Override
        public Batch decode(List<byte[]> values, List<String> offsets, DatasetRef dataset, TaskContext context,
            String batchOffset) {
          return messages.toBatch(values, offsets, dataset, context, batchOffset);
        }

        @Override
        public byte[] encode(Schema schema, Row row) {
          return writer.write(schema, row);
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
