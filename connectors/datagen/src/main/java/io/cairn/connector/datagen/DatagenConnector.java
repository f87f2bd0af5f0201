package io.cairn.connector.datagen;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import org.pf4j.Extension;

/**
 * {@code cairn:source:datagen}: a deterministic synthetic retail data set (customers, orders, web events,
 * consents) with planted near-duplicates and dirty values, for demos, tests and benchmarks.
 *
 * <p>Configuration: {@code entity} ({@code customers|orders|events|consents}), {@code count}, {@code
 * customers}, {@code seed}, {@code duplicateRate}, {@code dirtyRate}, {@code locale}; see {@link
 * #configDef()}. The same settings always give byte-identical rows; offsets are row indexes. No property is
 * secret. Stateless and thread-safe.
 */
@Extension
public final class DatagenConnector implements SourceConnector {
  @Override
  public String name() {
    return "datagen";
  }

  @Override
  public String description() {
    return "Generates a deterministic synthetic retail data set: customers, orders, web events and consents.";
  }

  @Override
  public ConfigDef configDef() {
    return DatagenSettings.DEFINITION;
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.cairn.spi.config.ConfigException when a value is out of range (a negative count, a rate
   *     outside 0..1, no customers, a malformed locale)
   */
  @Override
  public SourceTask createTask(Config config) {
    return new DatagenTask(DatagenSettings.from(config));
  }
}
