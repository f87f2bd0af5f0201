package io.cairn.spi.connector;

import io.cairn.spi.config.Config;
import io.cairn.spi.Unstable;
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

  /** Whether {@link #discover} lists datasets for this source. */
  @Unstable
  default boolean supportsDiscovery() {
    return false;
  }

  /**
   * Lists the datasets this source can read with the given validated configuration (tables and views of a
   * database, say) with their schemas and keys, without reading their data. Called by the host when an
   * engineer asks to discover a source into the catalog; may do I/O; must close what it opens.
   *
   * @throws UnsupportedOperationException when {@link #supportsDiscovery()} is false
   * @throws Exception when the source cannot be reached; the message is shown to the engineer and must not
   *     contain secrets
   */
  @Unstable
  default java.util.List<DiscoveredDataset> discover(Config config) throws Exception {
    throw new UnsupportedOperationException("source '" + name() + "' cannot list its datasets");
  }
}
