package io.cairn.quality.rules;

import static io.cairn.quality.rules.RuleChecksTest.COLS;
import static io.cairn.quality.rules.RuleChecksTest.kept;
import static io.cairn.quality.rules.RuleChecksTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.quality.gx.BadExpectationException;
import io.cairn.quality.gx.GxSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A GX suite run by the rule engine on batches, with each action. */
class GxRuleTest {
  static final String SUITE = """
      {"expectations": [
        {"expectation_type": "expect_column_values_to_be_in_set", "kwargs": {"column": "country", "value_set": ["FR", "DE"]}},
        {"expectation_type": "expect_column_mean_to_be_between", "kwargs": {"column": "age", "max_value": 50}}]}
      """;
  static final List<Object[]> ROWS = List.of(row(1L, null, "FR", 30L, null, null), row(2L, null, "ES", 40L, null, null),
      row(3L, null, "FR", 90L, null, null));

  @Test
  void quarantineTakesOutTheUnexpectedRowsAndFailsOnAggregates() {
    Outcome o = RuleSet.parse("[]").withSuite(GxSuite.parse(SUITE), Action.QUARANTINE).apply(COLS, ROWS);
    assertThat(kept(o)).containsExactly(0, 2);
    assertThat(o.quarantined()).singleElement().satisfies(v -> {
      assertThat(v.value()).isEqualTo("ES");
      assertThat(v.reason()).isEqualTo("expectation 'expect_column_values_to_be_in_set:country': value 'ES' is unexpected");
    });
    assertThat(o.failures()).extracting(Violation::reason).singleElement().asString()
        .isEqualTo("expectation 'expect_column_mean_to_be_between:age' {column=age, max_value=50} failed: observed 60.0");
  }

  @Test
  void failAndWarnReportTheBatchWithGxFigures() {
    Outcome fail = RuleSet.parse("[]").withSuite(GxSuite.parse(SUITE), Action.FAIL).apply(COLS, ROWS);
    assertThat(fail.rows()).hasSize(3);
    assertThat(fail.failures()).extracting(Violation::reason).first().asString()
        .endsWith("failed: 1 unexpected (33.333333333333336%), e.g. [ES]");
    assertThatThrownBy(fail::throwIfFailed).isInstanceOf(QualityFailure.class);
    Outcome warn = RuleSet.parse("[]").withSuite(GxSuite.parse(SUITE), Action.WARN).apply(COLS, ROWS);
    assertThat(warn.failures()).isEmpty();
    assertThat(warn.warnings()).hasSize(2);
  }

  @Test
  void aBadSuiteIsRefusedWhenTheRulesAreBuilt() {
    assertThatThrownBy(() -> RuleSet.parse("[]").withSuite(GxSuite.parse(
        "[{\"expectation_type\": \"expect_column_values_to_be_between\", \"kwargs\": {\"column\": \"age\"}}]"),
        Action.FAIL)).isInstanceOf(BadExpectationException.class).hasMessageContaining("cannot both be None");
  }
}
