package io.cairn.connector.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns JSON messages (one object each) into rows of one schema: the declared {@code columns}, or, without a
 * declaration, the fields of the first valid message, all STRING (a nested value as its JSON text). Fields the
 * schema does not name are ignored; a missing field is null. Not thread-safe: one instance per task.
 */
public final class JsonMessages {
  /** The declared schema property. */
  public static final String COLUMNS = "columns";
  /** The subject column property. */
  public static final String SUBJECT_COLUMN = "subjectColumn";

  static final List<String> TYPE_NAMES = Arrays.stream(ColumnType.values()).map(Enum::name).toList();
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .build();
  /** Reads a nested value in the middle of a message, where more of the message follows. */
  private static final ObjectReader NESTED = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Schema NO_COLUMNS = Schema.of(List.of());
  /**
   * The most bytes of messages {@link #streamedAll} reads with one parser (and keeps a buffer of); a larger batch
   * has messages large enough that a parser each costs little beside reading them.
   */
  private static final int JOINED_MAX = 1 << 20;

  private final String subjectColumn;
  private Schema schema;
  /** The schema's column names, interned, and types. */
  private String[] names;
  private ColumnType[] types;
  private int subjectIndex = -1;
  /** The payloads of the latest batch one after another, for {@link #streamedAll}; reused from batch to batch. */
  private byte[] joined = new byte[0];

  private JsonMessages(Schema declared, String subjectColumn) {
    this.subjectColumn = subjectColumn;
    if (declared != null) {
      use(declared);
    }
  }

  /** The properties a message source declares: {@value #COLUMNS} and {@value #SUBJECT_COLUMN}. */
  public static List<ConfigProperty> sourceProperties() {
    return List.of(
        ConfigProperty.builder(COLUMNS, ConfigType.STRING)
            .description("The declared schema as name:TYPE pairs, e.g. id:LONG,email:STRING,signup:DATE (types "
                + TYPE_NAMES + "). Without it the columns are the first message's fields, all as STRING")
            .build(),
        ConfigProperty.builder(SUBJECT_COLUMN, ConfigType.STRING)
            .description("The column holding the id of the person each message is about")
            .build());
  }

  /**
   * The codec for a source's validated configuration.
   *
   * @throws ConfigException when the column declaration does not parse or lacks the subject column
   */
  public static JsonMessages of(Config config) {
    Schema declared = config.has(COLUMNS) ? parseColumns(config.string(COLUMNS)) : null;
    String subject = config.string(SUBJECT_COLUMN);
    if (declared != null && subject != null && declared.indexOf(subject).isEmpty()) {
      throw new ConfigException(List.of("property 'subjectColumn': no column '" + subject + "' in "
          + declared.names()));
    }
    return new JsonMessages(declared, subject);
  }

  /** The schema of the rows: declared, inferred, or no columns while nothing was inferred yet. */
  public Schema schema() {
    return schema == null ? NO_COLUMNS : schema;
  }

  /**
   * Converts one message.
   *
   * @param payload the message body, UTF-8 JSON
   * @param where the message's provenance, carried by the row
   * @throws BadMessageException naming what is wrong: invalid JSON, not an object, a value of the wrong type
   */
  public Row toRow(byte[] payload, Provenance where) throws BadMessageException {
    if (schema != null) {
      Object[] values = streamed(payload);
      if (values != null) {
        return row(values, where);
      }
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(payload);
    } catch (IOException e) {
      String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new BadMessageException("invalid JSON: " + detail);
    }
    if (!(node instanceof ObjectNode object)) {
      throw new BadMessageException("expected a JSON object, found "
          + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    if (schema == null) {
      List<Column> inferred = new ArrayList<>();
      object.fieldNames().forEachRemaining(n -> inferred.add(Column.of(n, ColumnType.STRING)));
      if (inferred.isEmpty()) {
        throw new BadMessageException("an empty object gives no columns to infer");
      }
      use(Schema.of(inferred));
    }
    JsonNode[] nodes = new JsonNode[schema.size()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = object.get(schema.column(i).name());
    }
    return row(converted(nodes), where);
  }

  private Row row(Object[] values, Provenance where) {
    Object subject = subjectIndex < 0 ? null : values[subjectIndex];
    return new Row(values, subject == null ? null : subject.toString(), where);
  }

  private Object[] converted(JsonNode[] nodes) throws BadMessageException {
    Object[] values = new Object[nodes.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = convert(nodes[i], i);
    }
    return values;
  }

  private Object convert(JsonNode node, int i) throws BadMessageException {
    try {
      return JsonValues.convert(node, types[i]);
    } catch (IllegalArgumentException e) {
      throw new BadMessageException("column '" + names[i] + "': " + e.getMessage());
    }
  }

  /**
   * The values of a payload that is one JSON object, read with the streaming parser: the common scalars (a null,
   * a string for a STRING column, an integer for a LONG column, a boolean for a BOOLEAN column) go straight to
   * their values, other values of the schema's fields become (small) trees converted as a tree's would be, the
   * other fields are skipped, and the last of repeated fields wins as in a tree. Null when the payload is
   * anything else (not valid JSON, not an object, trailing content): {@link #toRow} then reads it as a tree,
   * which names the problem.
   */
  private Object[] streamed(byte[] payload) throws BadMessageException {
    Object[] values;
    try (JsonParser p = MAPPER.createParser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      values = fields(p);
      if (values == null || p.nextToken() != null) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    return converted(values);
  }

  /**
   * The fields of the object whose START_OBJECT the parser is at, read up to its END_OBJECT: the values of the
   * schema's columns, where a value {@link #direct} does not take is left as its tree (a {@link JsonNode}, see
   * {@link #converted}); null when the object does not end there.
   */
  private Object[] fields(JsonParser p) throws IOException {
    Object[] values = new Object[names.length];
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      int i = column(p.currentName());
      JsonToken value = p.nextToken();
      if (i < 0) {
        p.skipChildren();
        continue;
      }
      Object direct = direct(p, value, types[i]);
      values[i] = direct == NULL ? null : direct != null ? direct : node(p, value);
    }
    return p.currentToken() == JsonToken.END_OBJECT ? values : null;
  }

  /** The values with every tree {@link #fields} left converted as a tree's would be. */
  private Object[] converted(Object[] values) throws BadMessageException {
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof JsonNode node) {
        values[i] = convert(node, i);
      }
    }
    return values;
  }

  /**
   * What {@link #streamed} reads of each payload, or null where it reads nothing, with one parser for many
   * payloads (making a parser costs more than reading a small message): the payloads are copied one after
   * another, each followed by a space, and one parser reads them in turn. A message counts only when its
   * object starts and ends inside its own bytes with nothing but whitespace after it; at any other message (one
   * that is not an object, runs into the next, fails to parse, or is followed by more) that parser ends, the
   * message is left to {@link #toRow}, and a new parser starts at the next message. Null, all left to
   * {@link #toRow}, when the messages are more than {@link #JOINED_MAX} bytes.
   */
  private Object[][] streamedAll(List<byte[]> payloads) {
    int[] starts = new int[payloads.size() + 1];
    long total = 0;
    for (int i = 0; i < payloads.size(); i++) {
      total += payloads.get(i).length + 1;
      if (total > JOINED_MAX) {
        return null;
      }
      starts[i + 1] = (int) total;
    }
    if (joined.length < starts[payloads.size()]) {
      joined = new byte[Math.min(JOINED_MAX, Math.max(starts[payloads.size()], 2 * joined.length))];
    }
    for (int i = 0; i < payloads.size(); i++) {
      byte[] payload = payloads.get(i);
      System.arraycopy(payload, 0, joined, starts[i], payload.length);
      joined[starts[i + 1] - 1] = ' ';
    }
    Object[][] read = new Object[payloads.size()][];
    for (int next = 0; next < read.length; ) {
      next = readFrom(starts, next, read);
    }
    return read;
  }

  /**
   * Reads messages from {@code first} on with one parser into {@code read} until one does not count (left
   * null) or all are read; returns the message to go on from.
   */
  private int readFrom(int[] starts, int first, Object[][] read) {
    int base = starts[first];
    int i = first;
    try (JsonParser p = MAPPER.createParser(joined, base, starts[read.length] - base)) {
      for (; i < read.length; i++) {
        long from = starts[i] - base;
        long to = starts[i + 1] - 1 - base; // the message is [from, to), relative to the parser's start
        // (a parser reading characters, made for a first message in UTF-16 or UTF-32, gives -1 for offsets)
        if (p.nextToken() != JsonToken.START_OBJECT || p.currentTokenLocation().getByteOffset() < from
            || p.currentTokenLocation().getByteOffset() >= to) {
          return i + 1;
        }
        Object[] values = fields(p);
        long end = p.currentTokenLocation().getByteOffset();
        if (values == null || end >= to || !blank(base + end + 1, base + to)) {
          return i + 1;
        }
        read[i] = values;
      }
    } catch (IOException e) {
      return i + 1;
    }
    return i;
  }

  /** Whether {@code joined[from, to)} is JSON whitespace only. */
  private boolean blank(long from, long to) {
    for (int at = (int) from; at < to; at++) {
      byte b = joined[at];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Stands for a JSON null among the values {@link #direct} returns. */
  private static final Object NULL = new Object();

  /**
   * The value of the current token for a column of the type when it is one of the common cases, whose result is
   * the one {@link JsonValues#convert} gives its tree; else null (the value is then read as a tree).
   */
  private static Object direct(JsonParser p, JsonToken value, ColumnType type) throws IOException {
    return switch (value) {
      case VALUE_NULL -> NULL;
      case VALUE_STRING -> type == ColumnType.STRING ? p.getText() : null;
      case VALUE_NUMBER_INT -> type == ColumnType.LONG && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
          ? Long.valueOf(p.getLongValue()) : null;
      case VALUE_TRUE -> type == ColumnType.BOOLEAN ? Boolean.TRUE : null;
      case VALUE_FALSE -> type == ColumnType.BOOLEAN ? Boolean.FALSE : null;
      default -> null;
    };
  }

  /**
   * The schema's position of a field name, or -1. The parser interns field names, so the names are first
   * compared by identity; a name that is not found that way is looked up by value.
   */
  private int column(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    return schema.indexOf(name).orElse(-1);
  }

  /** The current value as the tree reading would make it (floats as BigDecimal, kept as written). */
  private static JsonNode node(JsonParser p, JsonToken value) throws IOException {
    JsonNodeFactory f = MAPPER.getNodeFactory();
    return switch (value) {
      case VALUE_STRING -> f.textNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> f.numberNode(p.getIntValue());
        case LONG -> f.numberNode(p.getLongValue());
        default -> f.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> DecimalNode.valueOf(p.getDecimalValue());
      case VALUE_TRUE -> f.booleanNode(true);
      case VALUE_FALSE -> f.booleanNode(false);
      case VALUE_NULL -> f.nullNode();
      default -> NESTED.readTree(p);
    };
  }

  /**
   * The rows of messages, in order, as one batch; a message that does not convert goes to the quarantine with
   * its text and the reason instead.
   *
   * @param payloads the message bodies
   * @param offsets each message's offset, for its row's provenance
   * @param dataset where the messages came from
   * @param context where bad messages go
   * @param batchOffset the batch's source offset
   */
  public Batch toBatch(List<byte[]> payloads, List<String> offsets, DatasetRef dataset, TaskContext context,
      String batchOffset) {
    List<Row> rows = new ArrayList<>(payloads.size());
    Object[][] read = schema == null ? null : streamedAll(payloads);
    for (int i = 0; i < payloads.size(); i++) {
      Provenance where = new Provenance(dataset, offsets.get(i));
      try {
        rows.add(read == null || read[i] == null ? toRow(payloads.get(i), where) : row(converted(read[i]), where));
      } catch (BadMessageException e) {
        context.quarantine(where, text(payloads.get(i)), e.getMessage());
      }
    }
    return Batch.of(schema(), rows, batchOffset);
  }

  /** The payload as text for the quarantine (invalid UTF-8 replaced). */
  public static String text(byte[] payload) {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /**
   * A row as a JSON object named by the schema's columns: numbers and booleans as JSON numbers and booleans,
   * dates and instants as ISO text, a JSON column embedded as JSON, nulls as null. A writer of many rows uses a
   * {@link JsonRowWriter} instead.
   */
  public static byte[] toJson(Schema schema, Row row) {
    return new JsonRowWriter().write(schema, row);
  }

  /**
   * Parses a declaration such as {@code id:LONG,email:STRING}; a bare name is a STRING.
   *
   * @throws ConfigException naming the entry that is wrong
   */
  static Schema parseColumns(String declaration) {
    List<Column> columns = new ArrayList<>();
    for (String entry : declaration.split(",")) {
      String e = entry.strip();
      int colon = e.indexOf(':');
      String name = (colon < 0 ? e : e.substring(0, colon)).strip();
      String type = colon < 0 ? "STRING" : e.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
      if (name.isEmpty() || !TYPE_NAMES.contains(type)) {
        throw new ConfigException(List.of("property 'columns': '" + e + "' is not name:TYPE with a TYPE among "
            + TYPE_NAMES));
      }
      columns.add(Column.of(name, ColumnType.valueOf(type)));
    }
    try {
      return Schema.of(columns);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("property 'columns': " + e.getMessage()));
    }
  }

  private void use(Schema s) {
    schema = s;
    names = s.columns().stream().map(c -> c.name().intern()).toArray(String[]::new);
    types = s.columns().stream().map(Column::type).toArray(ColumnType[]::new);
    subjectIndex = subjectColumn == null ? -1 : s.indexOf(subjectColumn).orElse(-1);
  }

  static JsonNode embedded(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return MAPPER.getNodeFactory().textNode(json);
    }
  }
}
