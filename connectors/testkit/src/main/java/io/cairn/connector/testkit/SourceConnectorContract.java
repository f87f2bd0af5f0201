package io.cairn.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SPI contract every source connector keeps, as tests to inherit: the declared configuration, the
 * host's validation of it, start/poll/stop, {@code maxRows}, provenance, and resuming after a committed offset
 * with nothing lost and nothing read twice. A connector's test extends this class and says how to prepare a
 * source holding {@code n} records; implement {@link QuarantineContract} too when the source can hold
 * malformed input.
 *
 * <p>Records must be distinct (e.g. numbered), so that a duplicate or a loss shows.
 */
public abstract class SourceConnectorContract {
  /** Rows per poll in these tests; smaller than the prepared sources so that reads take several polls. */
  protected static final int MAX_ROWS = 10;

  /** A folder of the test's own, for files and the task context. */
  @TempDir
  protected Path workDir;

  /** The connector under test. */
  protected abstract SourceConnector connector();

  /**
   * Prepares a source holding exactly {@code records} distinct good records in a stable order and returns
   * the configuration that reads it; each call prepares a new, independent source.
   */
  protected abstract Map<String, String> prepare(int records) throws Exception;

  /** How long a streaming source may take to deliver what was prepared. */
  protected Duration patience() {
    return Duration.ofSeconds(30);
  }

  /** A task context for a run of the test flow. */
  protected FakeTaskContext context(String runId) {
    return new FakeTaskContext(runId, workDir);
  }

  /** Creates, validates and starts a task as the host does. */
  protected SourceTask start(Map<String, String> config, FakeTaskContext context, String resume) throws Exception {
    SourceConnector c = connector();
    SourceTask task = c.createTask(c.configDef().validate(config));
    task.start(context, resume);
    return task;
  }

  /** Polls until {@code rows} rows came (or the source is exhausted, or patience ran out). */
  protected List<Batch> read(SourceTask task, int rows) throws Exception {
    List<Batch> batches = new ArrayList<>();
    long deadline = System.nanoTime() + patience().toNanos();
    int got = 0;
    while (got < rows && !task.exhausted() && System.nanoTime() < deadline) {
      Batch b = task.poll(Math.min(MAX_ROWS, rows - got));
      if (b != null) {
        assertThat(b.size()).as("rows returned by poll(%d)", Math.min(MAX_ROWS, rows - got))
            .isLessThanOrEqualTo(Math.min(MAX_ROWS, rows - got));
        batches.add(b);
        got += b.size();
      }
    }
    return batches;
  }

  /** A row's values, for comparing rows across tasks. */
  protected static List<Object> values(Row row) {
    List<Object> v = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      v.add(row.get(i));
    }
    return v;
  }

  private static List<List<Object>> values(List<Batch> batches) {
    return batches.stream().flatMap(b -> b.rows().stream()).map(SourceConnectorContract::values).toList();
  }

  @Test
  void declaresANameAndDescribesEveryProperty() {
    SourceConnector c = connector();
    assertThat(c.name()).matches("[a-z][a-z0-9-]*");
    assertThat(c.configDef().properties()).isNotEmpty();
    for (ConfigProperty p : c.configDef().properties()) {
      assertThat(p.description()).as("description of property '%s'", p.name()).isNotBlank();
    }
  }

  @Test
  void refusesAConfigurationWithoutARequiredPropertyNamingIt() throws Exception {
    Map<String, String> good = prepare(1);
    assertThat(connector().configDef().problems(good)).as("problems of the prepared configuration").isEmpty();
    for (ConfigProperty p : connector().configDef().properties()) {
      if (!p.required()) {
        continue;
      }
      Map<String, String> missing = new HashMap<>(good);
      missing.remove(p.name());
      assertThatThrownBy(() -> connector().configDef().validate(missing))
          .isInstanceOf(ConfigException.class).hasMessageContaining(p.name());
    }
  }

  @Test
  void readsEveryRecordOnceWithinMaxRowsAndNamesItsDataset() throws Exception {
    int n = 25;
    Map<String, String> config = prepare(n);
    FakeTaskContext context = context("run-read");
    SourceTask task = start(config, context, null);
    try {
      List<Batch> batches = read(task, n);
      List<List<Object>> rows = values(batches);
      assertThat(rows).hasSize(n);
      assertThat(new HashSet<>(rows)).as("distinct rows").hasSize(n);
      assertThat(task.dataset()).isNotNull();
      for (Batch b : batches) {
        for (Row r : b.rows()) {
          assertThat(r.provenance().dataset()).isEqualTo(task.dataset());
        }
      }
      assertThat(context.quarantined()).isEmpty();
    } finally {
      task.stop();
    }
    task.stop(); // idempotent
  }

  @Test
  void resumesAfterTheCommittedOffsetWithNothingLostOrReadTwice() throws Exception {
    int n = 30;
    Map<String, String> config = prepare(n);
    SourceTask first = start(config, context("run-1"), null);
    List<Batch> before;
    try {
      before = read(first, 12);
      assertThat(before).isNotEmpty();
      String offset = before.get(before.size() - 1).sourceOffset();
      assertThat(offset).as("offset of a batch with rows").isNotNull();
      first.commit(offset);
    } finally {
      first.stop();
    }
    String committed = before.get(before.size() - 1).sourceOffset();
    SourceTask second = start(config, context("run-2"), committed);
    List<Batch> after;
    try {
      after = read(second, n - values(before).size());
    } finally {
      second.stop();
    }
    List<List<Object>> all = new ArrayList<>(values(before));
    all.addAll(values(after));
    Set<List<Object>> distinct = new HashSet<>(all);
    assertThat(all).as("rows of both runs").hasSize(n);
    assertThat(distinct).as("distinct rows of both runs").hasSize(n);
  }
}
