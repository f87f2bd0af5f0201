package io.cairn.platform.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.QuarantinedRecord;
import io.cairn.platform.api.ApiException;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns quarantined records whose payload is a JSON object of column values (as the quality step writes
 * them, or as a steward fixed them) into one batch: columns in first-seen order, typed from the values
 * (whole numbers LONG, other numbers DOUBLE, booleans BOOLEAN, else STRING), each row with its original
 * provenance and subject (so the replay run's consent gates and erasure tombstones apply to it as to any row). Anything else is a 400 naming the record.
 */
final class ReplayBatch {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReplayBatch() {}

  /** A payload as a JSON object of scalar values, or a 400 naming the record and the problem. */
  static JsonNode values(long id, String payload) {
    JsonNode node;
    try {
      node = payload == null ? null : JSON.readTree(payload);
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("quarantined record " + id + " is not a JSON object of column values; "
          + "fix it first (PUT /api/v1/quality/quarantine/" + id + " with {\"values\": {...}})");
    }
    checkScalars("quarantined record " + id, node);
    return node;
  }

  static void checkScalars(String what, JsonNode object) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isContainerNode()) {
        throw ApiException.badRequest(what + ": column '" + e.getKey() + "' must be a plain value, not "
            + (e.getValue().isArray() ? "a list" : "an object"));
      }
    }
  }

  static DatasetRef dataset(List<QuarantinedRecord> records) {
    QuarantinedRecord first = records.get(0);
    for (QuarantinedRecord r : records) {
      if (!same(r.datasetNamespace(), first.datasetNamespace()) || !same(r.datasetName(), first.datasetName())) {
        throw ApiException.badRequest("records " + first.id() + " and " + r.id() + " come from different datasets;"
            + " replay the records of one dataset at a time");
      }
    }
    return new DatasetRef(first.datasetNamespace() == null ? "quarantine" : first.datasetNamespace(),
        first.datasetName() == null ? "flow-" + first.flowId() : first.datasetName());
  }

  static Batch of(DatasetRef dataset, List<QuarantinedRecord> records) {
    List<JsonNode> payloads = new ArrayList<>();
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (QuarantinedRecord r : records) {
      JsonNode values = values(r.id(), r.payload());
      payloads.add(values);
      values.fields().forEachRemaining(e -> types.put(e.getKey(), types.containsKey(e.getKey())
          ? wider(types.get(e.getKey()), type(e.getValue())) : type(e.getValue())));
    }
    List<Column> columns = new ArrayList<>();
    types.forEach((name, type) -> columns.add(Column.of(name, type == null ? ColumnType.STRING : type)));
    Schema schema = Schema.of(columns);
    Batch.Builder batch = Batch.builder(schema);
    for (int i = 0; i < records.size(); i++) {
      Object[] row = new Object[columns.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = value(payloads.get(i).get(columns.get(c).name()), columns.get(c).type());
      }
      batch.add(new Row(row, records.get(i).subjectId(), new Provenance(dataset, records.get(i).sourceOffset() == null
          ? "quarantine:" + records.get(i).id() : records.get(i).sourceOffset())));
    }
    return batch.build();
  }

  private static ColumnType type(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return ColumnType.LONG;
    }
    if (v.isNumber()) {
      return ColumnType.DOUBLE;
    }
    return v.isBoolean() ? ColumnType.BOOLEAN : ColumnType.STRING;
  }

  private static ColumnType wider(ColumnType a, ColumnType b) {
    if (a == null || a == b) {
      return b == null ? a : b;
    }
    if (b == null) {
      return a;
    }
    boolean numbers = (a == ColumnType.LONG || a == ColumnType.DOUBLE) && (b == ColumnType.LONG || b == ColumnType.DOUBLE);
    return numbers ? ColumnType.DOUBLE : ColumnType.STRING;
  }

  private static Object value(JsonNode v, ColumnType type) {
    if (v == null || v.isNull()) {
      return null;
    }
    return switch (type) {
      case LONG -> v.longValue();
      case DOUBLE -> v.doubleValue();
      case BOOLEAN -> v.booleanValue();
      default -> v.asText();
    };
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
