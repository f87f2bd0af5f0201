package io.cairn.connector.kafka;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * Avro records in the single-object encoding of the Avro specification (a two-byte marker, the schema's
 * 64-bit fingerprint, then the binary record), so every value names the schema it was written with. The
 * source decodes with the configured schema; the sink encodes with the configured schema or, without one, a
 * schema derived from the batch's columns (nullable fields; DECIMAL as decimal(38,10) bytes, DATE as date,
 * TIMESTAMP as timestamp-micros, JSON as string).
 */
final class AvroCodec implements Codec {
  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  private final org.apache.avro.Schema configured;
  private final String subjectColumn;
  private final Schema columns;
  private final BinaryMessageDecoder<GenericRecord> decoder;
  private final Map<Schema, org.apache.avro.Schema> derived = new ConcurrentHashMap<>();
  private final Map<org.apache.avro.Schema, BinaryMessageEncoder<GenericRecord>> encoders = new ConcurrentHashMap<>();

  private AvroCodec(org.apache.avro.Schema configured, String subjectColumn) {
    this.configured = configured;
    this.subjectColumn = subjectColumn;
    this.columns = configured == null ? null : columnsOf(configured);
    this.decoder = configured == null ? null : new BinaryMessageDecoder<>(GenericData.get(), configured);
    if (columns != null && subjectColumn != null && columns.indexOf(subjectColumn).isEmpty()) {
      throw new ConfigException(List.of("property 'subjectColumn': no field '" + subjectColumn + "' in the Avro "
          + "schema " + columns.names()));
    }
  }

  /** @param schemaJson the record schema as JSON, or null (sink only: derived from each batch) */
  static AvroCodec of(String schemaJson, String subjectColumn) {
    if (schemaJson == null) {
      return new AvroCodec(null, subjectColumn);
    }
    org.apache.avro.Schema parsed;
    try {
      parsed = new org.apache.avro.Schema.Parser().parse(schemaJson);
    } catch (SchemaParseException e) {
      throw new ConfigException(List.of("property 'avroSchema' is not an Avro schema: " + e.getMessage()));
    }
    if (parsed.getType() != org.apache.avro.Schema.Type.RECORD) {
      throw new ConfigException(List.of("property 'avroSchema' must be a record schema, not " + parsed.getType()));
    }
    return new AvroCodec(parsed, subjectColumn);
  }

  /** The columns of a record schema: each field's logical type, nullable when it is a union with null. */
  static Schema columnsOf(org.apache.avro.Schema record) {
    List<Column> out = new ArrayList<>();
    for (org.apache.avro.Schema.Field f : record.getFields()) {
      org.apache.avro.Schema t = nonNull(f.schema());
      boolean nullable = f.schema().isNullable();
      out.add(new Column(f.name(), typeOf(t), nullable, Set.of()));
    }
    return Schema.of(out);
  }

  private static ColumnType typeOf(org.apache.avro.Schema t) {
    LogicalType logical = t.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal) {
      return ColumnType.DECIMAL;
    }
    if (logical instanceof LogicalTypes.Date) {
      return ColumnType.DATE;
    }
    if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros) {
      return ColumnType.TIMESTAMP;
    }
    return switch (t.getType()) {
      case INT, LONG -> ColumnType.LONG;
      case FLOAT, DOUBLE -> ColumnType.DOUBLE;
      case BOOLEAN -> ColumnType.BOOLEAN;
      default -> ColumnType.STRING;
    };
  }

  private static org.apache.avro.Schema nonNull(org.apache.avro.Schema s) {
    if (s.getType() != org.apache.avro.Schema.Type.UNION) {
      return s;
    }
    return s.getTypes().stream().filter(t -> t.getType() != org.apache.avro.Schema.Type.NULL).findFirst()
        .orElse(s);
  }

  @Override
  public Batch decode(List<byte[]> values, List<String> offsets, DatasetRef dataset, TaskContext context,
      String batchOffset) {
    List<Row> rows = new ArrayList<>(values.size());
    int subject = subjectColumn == null ? -1 : columns.require(subjectColumn);
    for (int i = 0; i < values.size(); i++) {
      Provenance where = new Provenance(dataset, offsets.get(i));
      try {
        GenericRecord record = decoder.decode(values.get(i));
        Object[] row = new Object[columns.size()];
        for (int c = 0; c < row.length; c++) {
          org.apache.avro.Schema.Field f = configured.getFields().get(c);
          row[c] = fromAvro(record.get(c), nonNull(f.schema()));
        }
        Object id = subject < 0 ? null : row[subject];
        rows.add(new Row(row, id == null ? null : id.toString(), where));
      } catch (IOException | AvroRuntimeException | ClassCastException e) {
        context.quarantine(where, "0x" + HexFormat.of().formatHex(values.get(i), 0, Math.min(64, values.get(i).length)),
            "not an Avro record of the configured schema: " + e.getMessage());
      }
    }
    return Batch.of(columns, rows, batchOffset);
  }

  private static Object fromAvro(Object v, org.apache.avro.Schema t) {
    if (v == null) {
      return null;
    }
    LogicalType logical = t.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal d) {
      return DECIMALS.fromBytes((ByteBuffer) v, t, d);
    }
    if (logical instanceof LogicalTypes.Date) {
      return LocalDate.ofEpochDay(((Number) v).longValue());
    }
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return Instant.ofEpochMilli(((Number) v).longValue());
    }
    if (logical instanceof LogicalTypes.TimestampMicros) {
      return Instant.EPOCH.plus(((Number) v).longValue(), ChronoUnit.MICROS);
    }
    return switch (t.getType()) {
      case INT, LONG -> ((Number) v).longValue();
      case FLOAT, DOUBLE -> ((Number) v).doubleValue();
      case BOOLEAN -> v;
      default -> v.toString();
    };
  }

  @Override
  public byte[] encode(Schema schema, Row row) {
    org.apache.avro.Schema avro = configured != null ? configured : derived.computeIfAbsent(schema, AvroCodec::derive);
    GenericData.Record record = new GenericData.Record(avro);
    for (org.apache.avro.Schema.Field f : avro.getFields()) {
      int i = schema.indexOf(f.name()).orElse(-1);
      Object value = i < 0 ? null : row.get(i);
      record.put(f.pos(), toAvro(value, nonNull(f.schema()), f.name()));
    }
    try {
      ByteBuffer buffer = encoders.computeIfAbsent(avro, s -> new BinaryMessageEncoder<>(GenericData.get(), s))
          .encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object toAvro(Object v, org.apache.avro.Schema t, String field) {
    if (v == null) {
      return null;
    }
    LogicalType logical = t.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal d) {
      BigDecimal decimal = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
      return DECIMALS.toBytes(decimal.setScale(d.getScale(), RoundingMode.HALF_EVEN), t, d);
    }
    if (logical instanceof LogicalTypes.Date) {
      return (int) ((LocalDate) v).toEpochDay();
    }
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return ((Instant) v).toEpochMilli();
    }
    if (logical instanceof LogicalTypes.TimestampMicros) {
      return ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) v);
    }
    return switch (t.getType()) {
      case INT -> ((Number) v).intValue();
      case LONG -> ((Number) v).longValue();
      case FLOAT -> ((Number) v).floatValue();
      case DOUBLE -> ((Number) v).doubleValue();
      case BOOLEAN -> v;
      case STRING -> v.toString();
      default -> throw new IllegalArgumentException("field '" + field + "': Avro type " + t.getType()
          + " is not written by Cairn");
    };
  }

  /** A record schema for a batch's columns: every field nullable. */
  static org.apache.avro.Schema derive(Schema schema) {
    SchemaBuilder.FieldAssembler<org.apache.avro.Schema> fields = SchemaBuilder.record("Row")
        .namespace("io.cairn.rows").fields();
    for (Column c : schema.columns()) {
      if (!c.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("column '" + c.name() + "' is not a valid Avro field name; rename it "
            + "or give an avroSchema");
      }
      org.apache.avro.Schema type = switch (c.type()) {
        case LONG -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG);
        case DOUBLE -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
        case BOOLEAN -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BOOLEAN);
        case DECIMAL -> LogicalTypes.decimal(38, 10).addToSchema(org.apache.avro.Schema.create(
            org.apache.avro.Schema.Type.BYTES));
        case DATE -> LogicalTypes.date().addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT));
        case TIMESTAMP -> LogicalTypes.timestampMicros().addToSchema(org.apache.avro.Schema.create(
            org.apache.avro.Schema.Type.LONG));
        case STRING, JSON -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
      };
      fields = fields.name(c.name()).type(org.apache.avro.Schema.createUnion(
          org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL), type)).withDefault(null);
    }
    return fields.endRecord();
  }
}
