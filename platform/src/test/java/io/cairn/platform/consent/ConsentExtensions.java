package io.cairn.platform.consent;

import io.cairn.spi.Purpose;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Test extensions that declare purposes: a {@code cycling} source (row n is about subject
 * {@code subject-<((n-1) mod subjects)+1>}; {@code rows=0}: endless), a {@code purpose} step that serves the
 * purposes it is configured with and counts the rows it gets, and a {@code recording} sink that may serve
 * purposes and keeps every row written.
 */
final class ConsentExtensions {
  static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("subject", ColumnType.STRING));

  /** Rows each labelled step received. */
  final Map<String, AtomicLong> stepRows = new ConcurrentHashMap<>();
  /** Rows written per table, as {@code [id, subject]}, in write order. */
  final Map<String, List<Object[]>> written = new ConcurrentHashMap<>();

  List<Object> all() {
    return List.of(new CyclingSource(), new PurposeStep(), new RecordingSink());
  }

  List<Object[]> table(String name) {
    return written.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
  }

  private static Set<Purpose> purposes(Config c) {
    String list = c.string("purposes");
    return list == null || list.isBlank() ? Set.of()
        : Arrays.stream(list.split(",")).map(String::trim).map(Purpose::new).collect(Collectors.toSet());
  }

  final class CyclingSource implements SourceConnector {
    @Override
    public String name() {
      return "cycling";
    }

    @Override
    public ConfigDef configDef() {
      return ConfigDef.of(ConfigProperty.builder("rows", ConfigType.LONG).defaultValue("0").build(),
          ConfigProperty.builder("subjects", ConfigType.INT).defaultValue("10").build(),
          ConfigProperty.builder("perPoll", ConfigType.INT).defaultValue("10").build(),
          ConfigProperty.builder("pauseMillis", ConfigType.INT).defaultValue("0").build());
    }

    @Override
    public SourceTask createTask(Config config) {
      long rows = config.longValue("rows");
      int subjects = config.integer("subjects");
      int perPoll = config.integer("perPoll");
      int pause = config.integer("pauseMillis");
      DatasetRef dataset = new DatasetRef("test", "cycling");
      return new SourceTask() {
        private long next = 1;

        @Override
        public void start(TaskContext context, String resumeOffset) {
          next = resumeOffset == null ? 1 : Long.parseLong(resumeOffset) + 1;
        }

        @Override
        public DatasetRef dataset() {
          return dataset;
        }

        @Override
        public Batch poll(int maxRows) throws InterruptedException {
          if (pause > 0) {
            Thread.sleep(pause);
          }
          Batch.Builder b = Batch.builder(SCHEMA);
          for (int i = 0; i < Math.min(perPoll, maxRows) && (rows == 0 || next <= rows); i++, next++) {
            String subject = "subject-" + ((next - 1) % subjects + 1);
            b.add(new Row(new Object[] {next, subject}, subject, new Provenance(dataset, Long.toString(next))));
          }
          return b.sourceOffset(Long.toString(next - 1)).build();
        }

        @Override
        public boolean exhausted() {
          return rows > 0 && next > rows;
        }

        @Override
        public void stop() {}
      };
    }
  }

  final class PurposeStep implements StepFactory {
    @Override
    public String name() {
      return "purpose";
    }

    @Override
    public ConfigDef configDef() {
      return ConfigDef.of(ConfigProperty.builder("label", ConfigType.STRING).required().build(),
          ConfigProperty.builder("purposes", ConfigType.STRING).required().build());
    }

    @Override
    public Step create(Config config) {
      String label = config.string("label");
      Set<Purpose> purposes = purposes(config);
      return new Step() {
        @Override
        public Batch apply(Batch input, TaskContext context) {
          stepRows.computeIfAbsent(label, l -> new AtomicLong()).addAndGet(input.size());
          return input;
        }

        @Override
        public Set<Purpose> purposes() {
          return purposes;
        }
      };
    }
  }

  final class RecordingSink implements SinkConnector {
    @Override
    public String name() {
      return "recording";
    }

    @Override
    public ConfigDef configDef() {
      return ConfigDef.of(ConfigProperty.builder("table", ConfigType.STRING).required().build(),
          ConfigProperty.builder("purposes", ConfigType.STRING).defaultValue("").build());
    }

    @Override
    public SinkTask createTask(Config config) {
      String table = config.string("table");
      Set<Purpose> purposes = purposes(config);
      return new SinkTask() {
        @Override
        public void start(TaskContext context) {}

        @Override
        public DatasetRef dataset() {
          return new DatasetRef("recording", table);
        }

        @Override
        public long write(Batch batch) {
          batch.rows().forEach(r -> table(table).add(new Object[] {r.get(0), r.get(1)}));
          return batch.size();
        }

        @Override
        public Set<Purpose> purposes() {
          return purposes;
        }

        @Override
        public void stop() {}
      };
    }
  }
}
