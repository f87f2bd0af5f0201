package io.cairn.step.profiles;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import org.pf4j.Extension;

/**
 * {@code cairn:step:traits}: per-profile traits, RFM scores and segments, lifecycle stages and tags from
 * facts, as declared in a YAML trait definition ({@code definition}; Cairn's retail RFM by default).
 * Stateless and thread-safe.
 */
@Extension
public final class TraitsStepFactory implements StepFactory {
  @Override
  public String name() {
    return "traits";
  }

  @Override
  public String description() {
    return "Computes profile traits, RFM segments, lifecycle stages and tags from a YAML trait definition.";
  }

  @Override
  public ConfigDef configDef() {
    return TraitsSettings.DEFINITION;
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.cairn.spi.config.ConfigException when the definition cannot be read or is invalid, or asOf
   *     is not an instant
   */
  @Override
  public Step create(Config config) {
    return new TraitsStep(TraitsSettings.from(config));
  }
}
