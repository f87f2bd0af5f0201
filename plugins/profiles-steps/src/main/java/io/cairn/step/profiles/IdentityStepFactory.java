package io.cairn.step.profiles;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import org.pf4j.Extension;

/**
 * {@code cairn:step:identity}: identity resolution. Adds a profile id and a "why merged" column to every row.
 * Configuration: {@code identifier.<type>} columns ({@code email}, {@code phone}, {@code user_id},
 * {@code device_id}, {@code anonymous_id}, {@code cookie}, {@code crm_id}), {@code rules}, {@code fuzzy} and
 * its settings, {@code region}; see {@link #configDef()}. Stateless and thread-safe.
 */
@Extension
public final class IdentityStepFactory implements StepFactory {
  @Override
  public String name() {
    return "identity";
  }

  @Override
  public String description() {
    return "Resolves identities into profiles: normalised identifiers, match rules, optional fuzzy matching.";
  }

  @Override
  public ConfigDef configDef() {
    return IdentitySettings.DEFINITION;
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.cairn.spi.config.ConfigException when a rule, the region or the fuzzy settings are invalid, or
   *     no rule applies to the mapped identifiers
   */
  @Override
  public Step create(Config config) {
    return new IdentityStep(IdentitySettings.from(config));
  }
}
