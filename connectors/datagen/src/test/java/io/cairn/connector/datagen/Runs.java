package io.cairn.connector.datagen;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs datagen tasks the way the host does: validate, create, start, poll until exhausted. */
final class Runs {
  /** Datagen never quarantines; tests that care check {@link FakeTaskContext#quarantined()}. */
  static final FakeTaskContext CONTEXT = new FakeTaskContext("test-run", Path.of("target"));

  private Runs() {}

  /** Configuration for an entity plus key/value pairs. */
  static Map<String, String> config(String entity, String... keyValues) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("entity", entity);
    for (int i = 0; i < keyValues.length; i += 2) {
      c.put(keyValues[i], keyValues[i + 1]);
    }
    return c;
  }

  static SourceTask task(Map<String, String> config) {
    DatagenConnector connector = new DatagenConnector();
    return connector.createTask(connector.configDef().validate(config));
  }

  /** Every row of an uninterrupted run in batches of {@code batchSize}. */
  static List<Row> all(Map<String, String> config, int batchSize) throws Exception {
    return from(config, null, batchSize, Long.MAX_VALUE).rows();
  }

  /** The rows of a run started at {@code resumeOffset}, stopped after about {@code limit} rows. */
  static Result from(Map<String, String> config, String resumeOffset, int batchSize, long limit)
      throws Exception {
    SourceTask task = task(config);
    task.start(CONTEXT, resumeOffset);
    List<Row> rows = new ArrayList<>();
    String offset = resumeOffset;
    try {
      while (!task.exhausted() && rows.size() < limit) {
        Batch b = task.poll(batchSize);
        rows.addAll(b.rows());
        if (b.sourceOffset() != null) {
          offset = b.sourceOffset();
        }
      }
      return new Result(rows, offset, task.exhausted());
    } finally {
      task.stop();
    }
  }

  record Result(List<Row> rows, String lastOffset, boolean exhausted) {}

  static String text(Row row, int column) {
    return (String) row.get(column);
  }
}
