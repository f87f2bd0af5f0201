package io.cairn.quality.step;

import io.cairn.quality.rules.Action;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * {@code cairn:step:quality}: data quality rules with actions, cleaning fixes and Great Expectations suites.
 * Rules come inline ({@code rules}) or from a file ({@code rulesFile}), as YAML or JSON; a GX suite
 * ({@code suite}) runs after them.
 */
@Extension
public final class QualityStepFactory implements StepFactory {
  static final String RULES = "rules";
  static final String RULES_FILE = "rulesFile";
  static final String SUITE = "suite";
  static final String SUITE_ACTION = "suiteAction";
  static final String SUITE_NAME = "suiteName";

  @Override
  public String name() {
    return "quality";
  }

  @Override
  public String description() {
    return "Checks and cleans every batch: rules (not null, unique, in set, regex, range, length, format, "
        + "expression, outliers, row count, freshness, distribution) with an action each (fail, quarantine, "
        + "warn, fix), and fixes (trim, case, Unicode, phone E.164, email, ISO dates, fill, dedupe)";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of(
        ConfigProperty.builder(RULES, ConfigType.STRING)
            .description("The rules, as a YAML or JSON list of entries ({rule: not_null, column: email, "
                + "action: quarantine} or {fix: trim, column: name})").build(),
        ConfigProperty.builder(RULES_FILE, ConfigType.PATH)
            .description("A YAML or JSON file of rules, read when the step is created (instead of 'rules')")
            .build(),
        ConfigProperty.builder(SUITE, ConfigType.PATH)
            .description("A Great Expectations suite (JSON) run on every batch after the rules").build(),
        ConfigProperty.builder(SUITE_NAME, ConfigType.STRING)
            .description("A suite stored in Cairn (POST /api/v1/quality/suites), run by name on every batch after the "
                + "rules; read when the run starts").build(),
        ConfigProperty.builder(SUITE_ACTION, ConfigType.ENUM).choices("fail", "warn", "quarantine")
            .defaultValue("fail")
            .description("What an unmet expectation of the suite does: fail the run, warn, or quarantine the "
                + "unexpected rows (expectations over a whole column or table then fail the run)").build());
  }

  @Override
  public Step create(Config config) {
    Action action = Action.valueOf(config.string(SUITE_ACTION).toUpperCase(Locale.ROOT));
    return new QualityStep(RulesSource.read(config), config.string(SUITE_NAME), action);
  }
}
