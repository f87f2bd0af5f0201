package io.cairn.platform.testkit;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Upserts rows by the {@code id} column into a shared store; fails on a chosen id to test failures. */
public final class MemorySink implements SinkConnector {
  private final Store store;

  MemorySink(Store store) {
    this.store = store;
  }

  /** What the sink holds, per table. */
  public static final class Store {
    public final Map<String, Map<Object, List<Object>>> tables = new ConcurrentHashMap<>();
    public final AtomicLong writes = new AtomicLong();
    /** When positive, a write containing this id throws. */
    public final AtomicLong failOn = new AtomicLong();

    public Map<Object, List<Object>> table(String name) {
      return tables.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
    }
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of(ConfigProperty.builder("table", ConfigType.STRING).required().build());
  }

  @Override
  public SinkTask createTask(Config config) {
    String table = config.string("table");
    return new SinkTask() {
      @Override
      public void start(TaskContext context) {}

      @Override
      public DatasetRef dataset() {
        return new DatasetRef("memory", table);
      }

      @Override
      public long write(Batch batch) {
        int id = batch.schema().require("id");
        for (Row r : batch.rows()) {
          if (store.failOn.get() > 0 && r.get(id).equals(store.failOn.get())) {
            throw new IllegalStateException("sink refused row " + r.get(id));
          }
        }
        for (Row r : batch.rows()) {
          store.table(table).put(r.get(id), List.of(r.values()));
        }
        store.writes.incrementAndGet();
        return batch.size();
      }

      @Override
      public void stop() {}
    };
  }
}
