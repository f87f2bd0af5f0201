package io.cairn.quality.step;

import io.cairn.quality.gx.BadExpectationException;
import io.cairn.quality.gx.GxSuite;
import io.cairn.quality.rules.Action;
import io.cairn.quality.rules.RuleSet;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads the step's rules from its configuration; bad rules are configuration errors naming every problem. */
final class RulesSource {
  private RulesSource() {}

  static RuleSet read(Config config) {
    String inline = config.string(QualityStepFactory.RULES);
    String text;
    if (config.has(QualityStepFactory.RULES_FILE)) {
      Path file = config.path(QualityStepFactory.RULES_FILE);
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        throw new ConfigException(List.of("property 'rulesFile': cannot read " + file + ": " + e.getMessage()));
      }
      if (inline != null && !inline.isBlank()) {
        throw new ConfigException(List.of("give either 'rules' or 'rulesFile', not both"));
      }
    } else if (inline == null || inline.isBlank()) {
      if (!config.has(QualityStepFactory.SUITE) && !config.has(QualityStepFactory.SUITE_NAME)) {
        throw new ConfigException(List.of("property 'rules', 'rulesFile', 'suite' or 'suiteName' is required"));
      }
      text = "[]";
    } else {
      text = inline;
    }
    RuleSet rules;
    try {
      rules = RuleSet.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("bad quality rules: " + e.getMessage()));
    }
    if (!config.has(QualityStepFactory.SUITE)) {
      return rules;
    }
    Path suite = config.path(QualityStepFactory.SUITE);
    Action action = Action.valueOf(config.string(QualityStepFactory.SUITE_ACTION).toUpperCase(Locale.ROOT));
    try {
      return rules.withSuite(GxSuite.parse(Files.readString(suite)), action);
    } catch (IOException e) {
      throw new ConfigException(List.of("property 'suite': cannot read " + suite + ": " + e.getMessage()));
    } catch (BadExpectationException e) {
      throw new ConfigException(List.of("bad expectation suite " + suite + ": " + e.getMessage()));
    }
  }
}
