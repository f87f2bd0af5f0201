package io.cairn.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every row and batch rule type, with the quarantine action unless said otherwise. */
class RuleChecksTest {
  static final List<String> COLS = List.of("id", "email", "country", "age", "phone", "born");

  static Object[] row(Object... values) {
    return values;
  }

  static Outcome run(String rules, Object[]... rows) {
    return RuleSet.parse(rules).apply(COLS, Arrays.asList(rows));
  }

  static List<Integer> kept(Outcome o) {
    return o.rows().stream().map(Outcome.Kept::origin).toList();
  }

  static List<String> reasons(Outcome o) {
    return o.quarantined().stream().map(Violation::reason).toList();
  }

  @Test
  void notNullQuarantinesNullAndBlankWithTheRuleAndColumn() {
    Outcome o = run("- {rule: not_null, column: email}",
        row(1L, "a@x.io", "FR", 30L, null, null), row(2L, null, "FR", 30L, null, null),
        row(3L, "  ", "FR", 30L, null, null));
    assertThat(kept(o)).containsExactly(0);
    assertThat(reasons(o)).containsExactly("rule 'not_null:email' on column 'email': value is missing",
        "rule 'not_null:email' on column 'email': value is missing");
    assertThat(o.quarantined()).extracting(Violation::row).containsExactly(1, 2);
    assertThat(o.metrics().validity()).isEqualTo(1.0 / 3);
  }

  @Test
  void uniquePerBatchKeepsTheFirstOccurrenceAndNumbersCompareByValue() {
    RuleSet rules = RuleSet.parse("- {rule: unique, column: id}");
    Outcome o = rules.apply(COLS, List.<Object[]>of(row(1L, null, null, null, null, null),
        row(1.0, null, null, null, null, null), row(2L, null, null, null, null, null),
        row(null, null, null, null, null, null)));
    assertThat(kept(o)).containsExactly(0, 2, 3);
    assertThat(o.quarantined().getFirst().reason()).contains("duplicate key [id] = [1]");
    assertThat(o.quarantined().getFirst().value()).isEqualTo(1.0);
    assertThat(o.metrics().uniqueness()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    Outcome next = rules.apply(COLS, List.<Object[]>of(row(1L, null, null, null, null, null)));
    assertThat(kept(next)).as("per batch: a new batch starts afresh").containsExactly(0);
  }

  @Test
  void uniqueOverAWindowRemembersKeysAcrossBatchesUpToTheWindow() {
    RuleSet rules = RuleSet.parse("- {rule: unique, key: [id, country], window: 2}");
    rules.apply(COLS, List.<Object[]>of(row(1L, null, "FR", null, null, null), row(2L, null, "FR", null, null, null)));
    Outcome o = rules.apply(COLS, List.<Object[]>of(row(1L, null, "FR", null, null, null),
        row(1L, null, "DE", null, null, null)));
    assertThat(kept(o)).containsExactly(1);
    assertThat(reasons(o).getFirst()).contains("[id, country] = [1, FR]").contains("last 2 keys");
    Outcome later = rules.apply(COLS, List.<Object[]>of(row(1L, null, "FR", null, null, null),
        row(1L, null, "FR", null, null, null)));
    assertThat(kept(later)).as("1/FR fell out of the window (2/FR and 1/DE were the last two)").containsExactly(0);
  }

  @Test
  void inSetRegexRangeAndLengthLetMissingValuesPass() {
    Outcome o = run("""
        - {rule: in_set, column: country, values: [FR, DE]}
        - {rule: regex, column: email, pattern: "@example\\\\.com$"}
        - {rule: range, column: age, min: 18, max: 120, strictMax: true}
        - {rule: length, column: phone, min: 3, max: 5}
        """,
        row(1L, "a@example.com", "FR", 18L, "123", null), row(2L, "a@example.org", "FR", 30L, null, null),
        row(3L, null, "ES", 30L, null, null), row(4L, null, null, 120L, null, null),
        row(5L, null, null, null, "123456", null), row(6L, null, null, null, null, null));
    assertThat(kept(o)).containsExactly(0, 5);
    assertThat(reasons(o)).containsExactly(
        "rule 'in_set:country' on column 'country': value 'ES' is not in [FR, DE]",
        "rule 'regex:email' on column 'email': value 'a@example.org' does not match /@example\\.com$/",
        "rule 'range:age' on column 'age': value '120' is not >= 18 and < 120",
        "rule 'length:phone' on column 'phone': value '123456' has a length not in [3, 5]");
    assertThat(o.quarantined()).extracting(Violation::row).containsExactly(2, 1, 3, 4);
  }

  @Test
  void formatsEmailPhoneAndStrictDates() {
    Outcome o = run("""
        - {rule: format, column: email, format: email}
        - {rule: format, column: phone, format: phone, region: FR}
        - {rule: format, column: born, format: date, pattern: dd/MM/yyyy}
        """,
        row(1L, "jo@shop.fr", null, null, "06 12 34 56 78", "29/02/2024"),
        row(2L, "jo@@shop", null, null, null, null), row(3L, null, null, null, "12", null),
        row(4L, null, null, null, "+49 30 901820", "30/02/2023"), row(5L, null, null, null, null, LocalDate.of(2020, 1, 1)));
    assertThat(kept(o)).containsExactly(0, 4);
    assertThat(reasons(o)).containsExactly(
        "rule 'format:email' on column 'email': value 'jo@@shop' is not a valid email",
        "rule 'format:phone' on column 'phone': value '12' is not a valid phone number for FR",
        "rule 'format:born' on column 'born': value '30/02/2023' is not a date in the form dd/MM/yyyy");
  }

  @Test
  void expressionOverColumnsWithErrorsAsFailures() {
    Outcome o = run("- {rule: expression, expression: \"age >= 18 || country == 'US'\", name: adult}",
        row(1L, null, "FR", 20L, null, null), row(2L, null, "US", 16L, null, null),
        row(3L, null, "FR", 16L, null, null), row(4L, null, "FR", null, null, null));
    assertThat(kept(o)).containsExactly(0, 1);
    assertThat(reasons(o).get(0)).isEqualTo("rule 'adult': expression 'age >= 18 || country == 'US'' is false");
    assertThat(reasons(o).get(1)).startsWith("rule 'adult': expression 'age >= 18 || country == 'US'' could not be evaluated");
  }

  @Test
  void expressionsCannotReachTheJvm() {
    assertThatThrownBy(() -> RuleSet.parse("- {rule: expression, expression: \"age >= \"}"))
        .isInstanceOf(RuleException.class).hasMessageContaining("does not parse");
    Outcome o = run("- {rule: expression, expression: \"''.getClass().forName('java.lang.Runtime') != null\"}",
        row(1L, null, null, null, null, null));
    assertThat(kept(o)).as("reflection is not permitted: the row fails").isEmpty();
  }

  @Test
  void outliersByZScoreAndIqr() {
    Object[][] rows = new Object[11][];
    for (int i = 0; i < 10; i++) {
      rows[i] = row((long) i, null, null, 30L + (i % 3), null, null);
    }
    rows[10] = row(10L, null, null, 300L, null, null);
    // ages 30,31,32,30,31,32,30,31,32,30,300: Q1 = 30, Q3 = 32 (linear), fences [27, 35]
    Outcome iqr = run("- {rule: outlier, column: age, method: iqr}", rows);
    assertThat(kept(iqr)).hasSize(10).doesNotContain(10);
    assertThat(reasons(iqr).getFirst()).contains("value '300' is an outlier (iqr, outside [27.0000, 35.0000])");
    // mean 57.909, sample stdev 80.29: z of 300 is 3.015 > 3; of 30 is 0.35
    Outcome z = run("- {rule: outlier, column: age}", rows);
    assertThat(kept(z)).hasSize(10).doesNotContain(10);
    Outcome loose = run("- {rule: outlier, column: age, threshold: 3.1}", rows);
    assertThat(kept(loose)).hasSize(11);
  }

  @Test
  void rowCountFreshnessAndDistributionFailTheBatch() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);
    List<Object[]> rows = List.<Object[]>of(row(1L, null, null, 10L, null, "2026-01-09T12:00:00Z"),
        row(2L, null, null, 20L, null, LocalDate.of(2026, 1, 1)));
    assertThat(RuleSet.parse("- {rule: row_count, min: 1, max: 2}").apply(COLS, rows).failures()).isEmpty();
    Outcome few = RuleSet.parse("- {rule: row_count, min: 3}").apply(COLS, rows);
    assertThat(few.failures()).extracting(Violation::reason)
        .containsExactly("rule 'row_count': the batch has 2 rows, expected [3, ]");
    assertThatThrownBy(few::throwIfFailed).isInstanceOf(QualityFailure.class)
        .hasMessage("data quality check failed: rule 'row_count': the batch has 2 rows, expected [3, ]");
    assertThat(few.rows()).as("a batch rule quarantines nothing").hasSize(2);

    assertThat(RuleSet.parse("- {rule: freshness, column: born, maxAge: PT24H}", clock).apply(COLS, rows)
        .failures()).isEmpty();
    Outcome stale = RuleSet.parse("- {rule: freshness, column: born, maxAge: PT6H, action: warn}", clock)
        .apply(COLS, rows);
    assertThat(stale.failures()).isEmpty();
    assertThat(stale.warnings()).extracting(Violation::reason).singleElement().asString()
        .contains("the newest 'born' is 2026-01-09T12:00:00Z, older than PT6H");

    // ages 10 and 20: mean 15, sample stdev 7.0711
    assertThat(RuleSet.parse("- {rule: distribution, column: age, meanMin: 14, meanMax: 16, stdevMax: 8}")
        .apply(COLS, rows).failures()).isEmpty();
    assertThat(RuleSet.parse("- {rule: distribution, column: age, stdevMax: 7}").apply(COLS, rows).failures())
        .extracting(Violation::reason).containsExactly(
            "rule 'distribution:age': standard deviation of 'age' is 7.0711, expected [, 7]");
    assertThat(RuleSet.parse("- {rule: distribution, column: age, quantile: 0.5, quantileMin: 16}")
        .apply(COLS, rows).failures()).extracting(Violation::reason).singleElement().asString()
        .contains("quantile 0.5 of 'age' is 15.0000");
  }

  @Test
  void emptyBatchesAreNotCheckedByBatchRules() {
    assertThat(RuleSet.parse("- {rule: row_count, min: 1}").apply(COLS, List.of()).failures()).isEmpty();
  }

  @Test
  void badRulesAreRefusedWithEveryProblem() {
    assertThatThrownBy(() -> RuleSet.parse("""
        - {rule: not_nul, column: a}
        - {rule: in_set, values: [1]}
        - {rule: range, column: a, min: abc, colum: x}
        - {rule: row_count, action: quarantine}
        - {rule: regex, column: a, pattern: "(("}
        - {fix: case, column: a, to: shout}
        - {fix: dedupe, key: [id], survivorship: most_recent}
        """))
        .isInstanceOf(RuleException.class)
        .hasMessageContaining("rule 1: unknown rule 'not_nul'")
        .hasMessageContaining("rule 2: a in_set rule needs 'column'")
        .hasMessageContaining("rule 3: 'min' must be a number, not 'abc'")
        .hasMessageContaining("rule 3: unknown key(s) [colum]")
        .hasMessageContaining("rule 4: a row_count rule checks the whole batch: its action must be fail or warn")
        .hasMessageContaining("rule 5: bad pattern")
        .hasMessageContaining("rule 6: 'to' must be upper, lower or title")
        .hasMessageContaining("rule 7: dedupe needs 'key', and 'orderBy' for survivorship most_recent");
    assertThatThrownBy(() -> RuleSet.parse("rules: {not: a list}")).isInstanceOf(RuleException.class)
        .hasMessageContaining("not a YAML or JSON list");
  }

  @Test
  void aRuleOnAMissingColumnFailsTheBatchWithTheColumnsThereAre() {
    assertThatThrownBy(() -> run("- {rule: not_null, column: mail}", row(1L, null, null, null, null, null)))
        .isInstanceOf(QualityFailure.class)
        .hasMessage("rule 'not_null:mail': no column 'mail' in [id, email, country, age, phone, born]");
  }

  @Test
  void jsonRulesWork() {
    Outcome o = run("[{\"rule\": \"not_null\", \"column\": \"id\", \"severity\": \"warning\"}]",
        row(null, null, null, null, null, null));
    assertThat(o.quarantined()).extracting(Violation::severity).containsExactly(Severity.WARNING);
  }

  /**
   * Warn and fail run a rule's test over the whole batch at once, quarantine row by row: both must find the
   * same rows with the same reasons, on awkward values (numbers of every type, huge longs, NaN, numbers as
   * text, blank text, surrogate pairs).
   */
  @Test
  void wholeBatchTestsFindWhatRowByRowTestsFind() {
    Object[][] rows = {
        row(1L, "a@x.io", "FR", 30L, null, null),
        row(1.0, "  ", 1.0, -1L, null, null),
        row(2L, null, "DE", 131.5, null, null),
        row(3, "\uD83D\uDE00", 1, 1L << 60, null, null),
        row(4L, "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", "fr", Double.NaN, null, null),
        row(null, "b@x", null, 5, null, null),
        row(6L, "toolong@x.io", "FR", new java.math.BigDecimal("200"), null, null),
        row(7L, "c@x.io", "FR", "45", null, null),
        row(8L, "d@y.io", "FR", "abc", null, null),
        row(9L, "e@x.io", "FR", 130.0, null, null),
        row(10L, "f@x.io", "FR", 0L, null, null)};
    List<String> rules = List.of("{rule: not_null, column: email", "{rule: unique, column: id",
        "{rule: in_set, column: country, values: [FR, 1]", "{rule: regex, column: email, pattern: \"@x\"",
        "{rule: range, column: age, min: 0, max: 130", "{rule: range, column: age, min: 0, max: 130, strictMax: true",
        "{rule: range, column: age, max: 100", "{rule: length, column: email, min: 3, max: 5",
        "{rule: length, column: email, max: 2", "{rule: format, column: email, format: email",
        "{rule: outlier, column: age, method: iqr", "{rule: referential, column: country, values: [FR, DE]");
    int found = 0;
    for (String rule : rules) {
      Outcome warned = run("- " + rule + ", action: warn}", rows);
      Outcome quarantined = run("- " + rule + ", action: quarantine}", rows);
      assertThat(warned.warnings()).as(rule).isEqualTo(quarantined.quarantined());
      assertThat(warned.metrics().detail()).as(rule).isEqualTo(quarantined.metrics().detail());
      assertThat(warned.metrics().validity()).as(rule).isEqualTo(quarantined.metrics().validity());
      assertThat(warned.metrics().duplicates()).as(rule).isEqualTo(quarantined.metrics().duplicates());
      found += warned.warnings().size();
    }
    assertThat(found).as("the rules do find violations").isGreaterThan(20);
    assertThat(run("- {rule: range, column: age, min: 0, max: 130, action: warn}", rows).warnings())
        .extracting(Violation::row).containsExactly(1, 2, 3, 4, 6, 8);
    assertThat(run("- {rule: length, column: email, min: 3, max: 5, action: warn}", rows).warnings())
        .extracting(Violation::row).containsExactly(0, 1, 3, 6, 7, 8, 9, 10);
  }
}
