package io.cairn.connector.testkit;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Creates and starts tasks the way the host does (configuration validated against the connector's
 * declaration first) and stops every one of them, newest first, on {@link #close}. Not thread-safe.
 */
public final class StartedTasks implements AutoCloseable {
  private final Map<String, String> base;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** @param base configuration every task gets (e.g. a test's unique queue), overridden per task */
  public StartedTasks(Map<String, String> base) {
    this.base = Map.copyOf(base);
  }

  /** The base configuration plus {@code keyValues} (key, value, key, value...). */
  public Map<String, String> config(String... keyValues) {
    Map<String, String> raw = new HashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      raw.put(keyValues[i], keyValues[i + 1]);
    }
    return raw;
  }

  /** A source task started from the beginning (no resume offset). */
  public SourceTask source(SourceConnector connector, TaskContext context, String... keyValues)
      throws Exception {
    SourceTask task = connector.createTask(validate(connector.configDef(), keyValues));
    started.push(task::stop);
    task.start(context, null);
    return task;
  }

  /** A started sink task. */
  public SinkTask sink(SinkConnector connector, TaskContext context, String... keyValues) throws Exception {
    SinkTask task = connector.createTask(validate(connector.configDef(), keyValues));
    started.push(task::stop);
    task.start(context);
    return task;
  }

  private io.cairn.spi.config.Config validate(ConfigDef def, String... keyValues) {
    return def.validate(config(keyValues));
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
