package io.cairn.connector.parquet;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes test lakes through the real sink. */
final class Lake {
  static final Schema ORDERS = Schema.of(Column.of("id", ColumnType.LONG), Column.of("email", ColumnType.STRING),
      Column.of("total", ColumnType.DECIMAL), Column.of("score", ColumnType.DOUBLE),
      Column.of("paid", ColumnType.BOOLEAN), Column.of("born", ColumnType.DATE),
      Column.of("placed_at", ColumnType.TIMESTAMP));
  static final Instant T0 = Instant.parse("2024-05-01T22:30:00.123456Z");

  private Lake() {}

  /** Order {@code i}: placed {@code i} hours after T0, so the rows spread over days. */
  static Object[] order(long i) {
    return new Object[] {i, "p" + i + "@example.org", new BigDecimal(i + ".2500000000"), i * 0.5, i % 2 == 0,
        LocalDate.of(1990, 1, 1).plusDays(i), T0.plusSeconds(3600 * i)};
  }

  static Batch batch(long from, long to, String offset) {
    List<Row> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      rows.add(new Row(order(i), "p" + i + "@example.org", new Provenance(new DatasetRef("test", "orders"),
          Long.toString(i))));
    }
    return Batch.of(ORDERS, rows, offset);
  }

  /** Writes orders [0, n) in batches of {@code per} into the folder, partitioned by placed_at. */
  static void write(Path folder, int n, int per, Path work) throws Exception {
    ParquetSinkConnector c = new ParquetSinkConnector();
    SinkTask sink = c.createTask(c.configDef().validate(Map.of("path", folder.toString(), "partitionBy",
        "placed_at")));
    sink.start(new FakeTaskContext("write", work));
    for (int from = 0; from < n; from += per) {
      sink.write(batch(from, Math.min(n, from + per), Integer.toString(Math.min(n, from + per))));
    }
    sink.stop();
  }
}
