package io.cairn.platform.flows.camel;

import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Lets plain Camel components feed Cairn steps and sinks: a {@link Batch} passes as is; a map or a list
 * of maps (what camel-sql, camel-jdbc and JSON unmarshalling produce) becomes a batch whose columns are
 * the keys, typed from the values. Anything else is refused with a message naming what arrived.
 */
final class BodyToBatch {
  private BodyToBatch() {}

  static Batch convert(Exchange exchange, CairnEndpoint endpoint) {
    Object body = exchange.getIn().getBody();
    if (body instanceof Batch b) {
      return b;
    }
    List<?> items = body instanceof Map<?, ?> m ? List.of(m) : body instanceof List<?> l ? l : null;
    if (items == null || !items.stream().allMatch(i -> i instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("cairn:" + endpoint.role().id + ":" + endpoint.name()
          + " needs a batch from a cairn source, a map or a list of maps; got "
          + (body == null ? "no body" : body.getClass().getName()));
    }
    Set<String> names = new LinkedHashSet<>();
    items.forEach(i -> ((Map<?, ?>) i).keySet().forEach(k -> names.add(String.valueOf(k))));
    List<Column> columns = new ArrayList<>();
    for (String n : names) {
      Object sample = items.stream().map(i -> ((Map<?, ?>) i).get(n)).filter(v -> v != null).findFirst().orElse(null);
      columns.add(Column.of(n, typeOf(sample)));
    }
    Schema schema = Schema.of(columns);
    DatasetRef origin = new DatasetRef("camel", exchange.getFromEndpoint() == null
        ? String.valueOf(exchange.getFromRouteId()) : exchange.getFromEndpoint().getEndpointBaseUri());
    List<Row> rows = new ArrayList<>(items.size());
    int i = 0;
    for (Object item : items) {
      Map<?, ?> m = (Map<?, ?>) item;
      Object[] values = new Object[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        values[c] = normalise(m.get(columns.get(c).name()), columns.get(c).type());
      }
      rows.add(new Row(values, null, new Provenance(origin, exchange.getExchangeId() + "#" + i++)));
    }
    return Batch.of(schema, rows, null);
  }

  private static ColumnType typeOf(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ColumnType.LONG;
    } else if (v instanceof Double || v instanceof Float) {
      return ColumnType.DOUBLE;
    } else if (v instanceof BigDecimal) {
      return ColumnType.DECIMAL;
    } else if (v instanceof Boolean) {
      return ColumnType.BOOLEAN;
    } else if (v instanceof LocalDate) {
      return ColumnType.DATE;
    } else if (v instanceof Instant) {
      return ColumnType.TIMESTAMP;
    }
    return ColumnType.STRING;
  }

  private static Object normalise(Object v, ColumnType type) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case LONG -> v instanceof Number n ? n.longValue() : v;
      case DOUBLE -> v instanceof Number n ? n.doubleValue() : v;
      case STRING -> v.toString();
      default -> v;
    };
  }
}
