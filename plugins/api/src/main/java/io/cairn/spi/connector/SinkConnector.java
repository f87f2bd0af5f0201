package io.cairn.spi.connector;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import org.pf4j.ExtensionPoint;

/**
 * A factory for sink tasks, registered by a plugin as a PF4J extension. Implementations are stateless
 * and thread-safe.
 */
public interface SinkConnector extends ExtensionPoint {
  /** The name routes use, e.g. {@code jdbc} in {@code cairn:sink:jdbc}. */
  String name();

  default String description() {
    return "";
  }

  ConfigDef configDef();

  /** Creates a task for validated configuration. Must not do I/O; that happens in {@link SinkTask#start}. */
  SinkTask createTask(Config config);
}
