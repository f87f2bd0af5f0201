package io.cairn.platform.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.collector.wal.EventLog;
import io.cairn.platform.collector.wal.LogEntry;
import io.cairn.spi.TaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Reads the write-ahead log for one flow run; offsets are log positions. Polled from one thread, as the SPI says.
 */
final class CollectorSourceTask implements SourceTask {
  static final Schema SCHEMA = Schema.of(
      Column.of("messageId", ColumnType.STRING), Column.of("type", ColumnType.STRING),
      Column.of("userId", ColumnType.STRING), Column.of("anonymousId", ColumnType.STRING),
      Column.of("event", ColumnType.STRING), Column.of("properties", ColumnType.JSON),
      Column.of("traits", ColumnType.JSON), Column.of("context", ColumnType.JSON),
      Column.of("timestamp", ColumnType.TIMESTAMP), Column.of("receivedAt", ColumnType.TIMESTAMP),
      Column.of("ip", ColumnType.STRING), Column.of("userAgent", ColumnType.STRING),
      Column.of("writeKeyId", ColumnType.LONG));

  private static final String FLOW_CURSOR = "flow:";
  private final EventLog log;
  private final ObjectMapper json;
  private final DatasetRef dataset;
  private final boolean bounded;
  private final Set<String> types;
  private TaskContext context;
  private String cursor;
  private long position;
  private long boundedEnd;

  CollectorSourceTask(EventLog log, ObjectMapper json, String node, boolean bounded, List<String> types) {
    this.log = log;
    this.json = json;
    this.dataset = new DatasetRef("cairn-collector://" + node, "events");
    this.bounded = bounded;
    this.types = Set.copyOf(types);
  }

  @Override
  public void start(TaskContext context, String resumeOffset) throws Exception {
    this.context = context;
    this.cursor = cursorName(context.flowId());
    position = Math.max(resumeOffset == null ? 0 : Long.parseLong(resumeOffset), log.start());
    boundedEnd = log.end();
    log.commit(cursor, position);
  }

  /** The write-ahead log cursor of a flow's reads. */
  static String cursorName(String flowId) {
    return FLOW_CURSOR + flowId;
  }

  /** The flow a cursor belongs to, or null when it is not a flow's. */
  static String flowOf(String cursor) {
    return cursor.startsWith(FLOW_CURSOR) ? cursor.substring(FLOW_CURSOR.length()) : null;
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public Batch poll(int maxRows) throws Exception {
    List<LogEntry> entries = log.read(position, maxRows);
    if (entries.isEmpty()) {
      if (!bounded) {
        Thread.sleep(20);
      }
      return null;
    }
    Batch.Builder batch = Batch.builder(SCHEMA);
    for (LogEntry e : entries) {
      String offset = Long.toString(position);
      position = e.next();
      Row row = row(e, offset);
      if (row != null) {
        batch.add(row);
      }
    }
    return batch.sourceOffset(Long.toString(position)).build();
  }

  private Row row(LogEntry e, String offset) {
    Provenance where = new Provenance(dataset, offset);
    JsonNode ev;
    try {
      ev = json.readTree(e.value());
    } catch (IOException ex) {
      context.quarantine(where, new String(e.value(), StandardCharsets.UTF_8), "not JSON: " + ex.getMessage());
      return null;
    }
    String type = text(ev, "type");
    if (!types.isEmpty() && !types.contains(type)) {
      return null;
    }
    String userId = text(ev, "userId");
    String anonymousId = text(ev, "anonymousId");
    String name = "track".equals(type) ? text(ev, "event") : text(ev, "name");
    JsonNode ctx = ev.path("context");
    JsonNode traits = ev.has("traits") ? ev.get("traits") : ctx.get("traits");
    Object[] v = {e.keyString(), type, userId, anonymousId, name, jsonText(ev.get("properties")), jsonText(traits),
        jsonText(ev.get("context")), instant(text(ev, "timestamp")), instant(text(ev, "receivedAt")),
        text(ctx, "ip"), text(ctx, "userAgent"), ev.path("writeKeyId").isNumber() ? ev.get("writeKeyId").asLong() : null};
    return new Row(v, userId != null ? userId : anonymousId, where);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private String jsonText(JsonNode node) {
    return node == null || node.isNull() ? null : node.toString();
  }

  private static Instant instant(String s) {
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public boolean exhausted() {
    return bounded && position >= boundedEnd;
  }

  @Override
  public void commit(String offset) throws Exception {
    log.commit(cursor, Long.parseLong(offset));
  }

  @Override
  public void stop() {
    // the log belongs to the collector; nothing to release
  }
}
