package io.cairn.step.profiles;

import io.cairn.profiles.segments.RuleSegments;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code cairn:step:segment}: rule segments over the columns of each row (typically the output of
 * {@code cairn:step:traits}), written as JEXL conditions: {@code rules: "vip = monetary >= 1000;
 * win_back = rfm_segment == 'at_risk'"}. Stateless and thread-safe.
 */
@Extension
public final class SegmentStepFactory implements StepFactory {
  private static final ConfigDef DEFINITION = ConfigDef.of(
      ConfigProperty.builder("rules", ConfigType.STRING).required()
          .description("Segments as 'name = condition' separated by ';', conditions in JEXL over the row's columns.")
          .build(),
      ConfigProperty.builder("column", ConfigType.STRING).defaultValue("segments")
          .description("The output column listing the row's segments, comma-separated.").build());

  @Override
  public String name() {
    return "segment";
  }

  @Override
  public String description() {
    return "Tags rows with the rule segments (boolean JEXL conditions over their columns) they belong to.";
  }

  @Override
  public ConfigDef configDef() {
    return DEFINITION;
  }

  /**
   * {@inheritDoc}
   *
   * @throws ConfigException when a rule is not {@code name = condition} or its condition does not parse
   */
  @Override
  public Step create(Config config) {
    try {
      return new SegmentStep(new RuleSegments(SegmentStep.parseRules(config.string("rules"))), config.string("column"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("property 'rules': " + e.getMessage()));
    }
  }
}
