package io.cairn.platform.testkit;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;

/**
 * Emits rows {@code id=1..rows, name="name-<id>"}; every {@code badEvery}-th row is quarantined instead.
 * With {@code rows=0} it never ends (a stream), emitting {@code perPoll} rows a poll.
 */
public final class CountingSource implements SourceConnector {
  static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
      Column.of("name", ColumnType.STRING).withTags("PII.name"));

  @Override
  public String name() {
    return "counting";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of(
        ConfigProperty.builder("rows", ConfigType.LONG).required().description("how many rows; 0 = endless").build(),
        ConfigProperty.builder("badEvery", ConfigType.LONG).defaultValue("0").build(),
        ConfigProperty.builder("perPoll", ConfigType.INT).defaultValue("100000").build(),
        ConfigProperty.builder("token", ConfigType.STRING).secret().build());
  }

  @Override
  public SourceTask createTask(Config config) {
    long rows = config.longValue("rows");
    long badEvery = config.longValue("badEvery");
    int perPoll = config.integer("perPoll");
    return new SourceTask() {
      private final DatasetRef dataset = new DatasetRef("test", "counting");
      private TaskContext ctx;
      private long next = 1;

      @Override
      public void start(TaskContext context, String resumeOffset) {
        this.ctx = context;
        this.next = resumeOffset == null ? 1 : Long.parseLong(resumeOffset) + 1;
      }

      @Override
      public DatasetRef dataset() {
        return dataset;
      }

      @Override
      public Batch poll(int maxRows) {
        Batch.Builder b = Batch.builder(SCHEMA);
        long last = next - 1;
        int limit = Math.min(maxRows, perPoll);
        for (int i = 0; i < limit && (rows == 0 || next <= rows); i++, next++) {
          Provenance p = new Provenance(dataset, Long.toString(next));
          last = next;
          if (badEvery > 0 && next % badEvery == 0) {
            ctx.quarantine(p, "raw-" + next, "row " + next + " is bad on purpose");
          } else {
            b.add(new Row(new Object[] {next, "name-" + next}, "subject-" + next, p));
          }
        }
        return b.sourceOffset(last == 0 ? null : Long.toString(last)).build();
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
