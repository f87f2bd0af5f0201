package io.cairn.spi.step;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import org.pf4j.ExtensionPoint;

/** Creates steps of one kind; registered by a plugin as a PF4J extension. Stateless and thread-safe. */
public interface StepFactory extends ExtensionPoint {
  /** The name routes use, e.g. {@code mask} in {@code cairn:step:mask}. */
  String name();

  default String description() {
    return "";
  }

  ConfigDef configDef();

  Step create(Config config);
}
