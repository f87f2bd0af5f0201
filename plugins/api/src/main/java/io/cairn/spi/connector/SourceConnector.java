package io.cairn.spi.connector;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import org.pf4j.ExtensionPoint;

/**
 * A factory for source tasks, registered by a plugin as a PF4J extension. Implementations are stateless
 * and thread-safe; all state lives in the tasks they create.
 */
public interface SourceConnector extends ExtensionPoint {
  /** The name routes use, e.g. {@code file} in {@code cairn:source:file}. Lower case, stable. */
  String name();

  /** One sentence for people. */
  default String description() {
    return "";
  }

  /** The declared configuration, validated by the host before {@link #createTask(Config)}. */
  ConfigDef configDef();

  /** Creates a task for validated configuration. Must not do I/O; that happens in {@link SourceTask#start}. */
  SourceTask createTask(Config config);
}
