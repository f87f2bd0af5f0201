package io.cairn.quality.rules;

import static io.cairn.quality.rules.RuleChecksTest.kept;
import static io.cairn.quality.rules.RuleChecksTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four actions and every cleaning fix. */
class ActionsAndFixesTest {
  static final List<String> COLS = List.of("id", "name", "email", "phone", "score", "updated");

  static Outcome run(String rules, Object[]... rows) {
    return RuleSet.parse(rules).apply(COLS, Arrays.asList(rows));
  }

  static List<Object> column(Outcome o, int c) {
    return o.rows().stream().map(k -> k.values()[c]).toList();
  }

  @Test
  void failCollectsEveryViolationAndKeepsTheRows() {
    Outcome o = run("- {rule: not_null, column: email, action: fail}",
        row(1L, null, null, null, null, null), row(2L, null, "a@b.c", null, null, null));
    assertThat(o.rows()).hasSize(2);
    assertThat(o.quarantined()).isEmpty();
    assertThatThrownBy(o::throwIfFailed).isInstanceOf(QualityFailure.class)
        .hasMessage("data quality check failed: rule 'not_null:email' on column 'email': value is missing");
  }

  @Test
  void warnKeepsTheRowAndReportsIt() {
    Outcome o = run("- {rule: in_set, column: name, values: [a], action: warn, severity: info}",
        row(1L, "b", null, null, null, null));
    assertThat(kept(o)).containsExactly(0);
    assertThat(o.warnings()).extracting(Violation::value, Violation::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b", Severity.INFO));
    assertThat(o.metrics().validity()).isZero();
  }

  @Test
  void fixRepairsWhatItCanAndQuarantinesTheRest() {
    Outcome o = run("""
        - {rule: format, column: phone, format: phone, region: FR, action: fix}
        - {rule: format, column: email, format: email, action: fix}
        - {rule: range, column: score, min: 0, max: 100, action: fix}
        """,
        row(1L, null, " Jo@Shop.FR ", "06 12 34 56 78", 150L, null),
        row(2L, null, "jo@shop.fr", "+33 6 12 34 56 78", -5L, null),
        row(3L, null, "not an email", null, null, null));
    assertThat(kept(o)).containsExactly(0, 1);
    assertThat(column(o, 3)).as("valid numbers pass unchanged").containsExactly("06 12 34 56 78", "+33 6 12 34 56 78");
    assertThat(column(o, 2)).containsExactly("jo@shop.fr", "jo@shop.fr");
    assertThat(column(o, 4)).containsExactly(100L, 0L);
    assertThat(o.metrics().fixed()).isEqualTo(3);
    assertThat(o.quarantined()).singleElement().satisfies(v -> {
      assertThat(v.value()).isEqualTo("not an email");
      assertThat(v.reason()).isEqualTo("rule 'format:email' on column 'email': value 'not an email' is not a "
          + "valid email (fix 'normalise email' could not repair it)");
    });
  }

  @Test
  void notNullWithAFillFix() {
    Outcome o = run("- {rule: not_null, column: name, action: fix, fix: {fix: fill, value: unknown}}",
        row(1L, null, null, null, null, null), row(2L, "Ann", null, null, null, null));
    assertThat(column(o, 1)).containsExactly("unknown", "Ann");
    assertThatThrownBy(() -> RuleSet.parse("- {rule: not_null, column: name, action: fix}"))
        .hasMessageContaining("action fix needs a 'column' and a 'fix' (no default fix for not_null)");
  }

  @Test
  void outlierCappingAtTheFences() {
    Object[][] rows = new Object[11][];
    for (int i = 0; i < 10; i++) {
      rows[i] = row((long) i, null, null, null, 30L + (i % 3), null);
    }
    rows[10] = row(10L, null, null, null, 300L, null);
    Outcome o = run("- {rule: outlier, column: score, method: iqr, action: fix}", rows);
    assertThat(o.rows()).hasSize(11);
    assertThat(column(o, 4).getLast()).as("capped at the upper fence Q3 + 1.5 IQR = 35").isEqualTo(35L);
  }

  @Test
  void textFixes() {
    Outcome o = run("""
        - {fix: trim, column: name}
        - {fix: case, column: name, to: title}
        - {fix: normalize, column: score}
        - {fix: email, column: email}
        - {fix: phone_e164, column: phone, region: GB}
        """,
        row(1L, "  o'brien-SMITH ", " Ann@Shop.COM ", "020 7946 0958", "Cafe\u0301", null),
        row(2L, null, "bad", "not a phone", null, null));
    assertThat(column(o, 1)).containsExactly("O'brien-Smith", null);
    assertThat(column(o, 2)).containsExactly("ann@shop.com", "bad");
    assertThat(column(o, 4)).containsExactly("Caf\u00e9", null);
    assertThat(column(o, 3)).containsExactly("+442079460958", "not a phone");
  }

  @Test
  void datesToIsoWithTimeZone() {
    Outcome o = run("""
        - {fix: date_iso, column: updated, formats: ["dd/MM/yyyy", "dd/MM/yyyy HH:mm"], zone: Europe/Paris}
        """,
        row(1L, null, null, null, null, "01/03/2024"), row(2L, null, null, null, null, "01/07/2024 10:30"),
        row(3L, null, null, null, null, "31/02/2024"));
    assertThat(column(o, 5)).containsExactly("2024-03-01", "2024-07-01T10:30+02:00", "31/02/2024");
    Outcome iso = run("- {fix: date_iso, column: updated}", row(1L, null, null, null, null, "2024-07-01T10:30:00Z"));
    assertThat(column(iso, 5)).containsExactly("2024-07-01T10:30Z");
  }

  @Test
  void fillStrategies() {
    Object[][] rows = {row(1L, "a", null, null, 10L, null), row(2L, null, null, null, null, null),
        row(3L, "b", null, null, 20L, null), row(4L, "b", null, null, 40L, null), row(5L, "", null, null, null, null)};
    assertThat(column(run("- {fix: fill, column: score, strategy: mean}", rows), 4))
        .as("mean 23.33 rounded into the Long column").containsExactly(10L, 23L, 20L, 40L, 23L);
    assertThat(column(run("- {fix: fill, column: score, strategy: median}", rows), 4))
        .containsExactly(10L, 20L, 20L, 40L, 20L);
    assertThat(column(run("- {fix: fill, column: name, strategy: mode}", rows), 1))
        .containsExactly("a", "b", "b", "b", "b");
    assertThat(column(run("- {fix: fill, column: name, strategy: previous}", rows), 1))
        .containsExactly("a", "a", "b", "b", "b");
    assertThat(column(run("- {fix: fill, column: name, value: '?'}", rows), 1))
        .containsExactly("a", "?", "b", "b", "?");
    Object[] decimals = row(1L, null, null, null, new BigDecimal("1.5"), null);
    assertThat(column(run("- {fix: fill, column: score, strategy: mean}", decimals,
        row(2L, null, null, null, null, null)), 4)).containsExactly(new BigDecimal("1.5"), BigDecimal.valueOf(1.5));
  }

  @Test
  void previousCarriesAcrossBatches() {
    RuleSet rules = RuleSet.parse("- {fix: fill, column: name, strategy: previous}");
    rules.apply(COLS, List.<Object[]>of(row(1L, "last", null, null, null, null)));
    Outcome next = rules.apply(COLS, List.<Object[]>of(row(2L, null, null, null, null, null)));
    assertThat(column(next, 1)).containsExactly("last");
  }

  @Test
  void dedupeSurvivorship() {
    Object[][] rows = {row(1L, "Ann", null, null, null, "2024-01-02"), row(2L, "Bob", "b@x.io", null, null, "2024-01-01"),
        row(1L, "Ann B", "a@x.io", "1", null, "2024-01-01"), row(1L, "Ann C", null, null, null, "2024-01-03"),
        row(null, "no key", null, null, null, null), row(null, "no key", null, null, null, null)};
    Outcome recent = run("- {fix: dedupe, key: [id], survivorship: most_recent, orderBy: updated}", rows);
    assertThat(column(recent, 1)).containsExactly("Ann C", "Bob", "no key", "no key");
    assertThat(recent.metrics().duplicatesRemoved()).isEqualTo(2);
    assertThat(column(run("- {fix: dedupe, key: [id], survivorship: most_complete}", rows), 1))
        .containsExactly("Ann B", "Bob", "no key", "no key");
    assertThat(column(run("- {fix: dedupe, key: id}", rows), 1)).containsExactly("Ann", "Bob", "no key", "no key");
    assertThat(column(run("- {fix: dedupe, key: id, survivorship: last}", rows), 1))
        .containsExactly("Ann C", "Bob", "no key", "no key");
  }

  @Test
  void fixedColumnsAreDeclaredForLineage() {
    RuleSet rules = RuleSet.parse("""
        - {fix: trim, column: name}
        - {rule: format, column: phone, format: phone, region: FR, action: fix}
        - {rule: not_null, column: email}
        """);
    assertThat(rules.fixedColumns()).containsOnlyKeys("name", "phone")
        .containsEntry("name", "quality fix 'trim:name': trim")
        .containsEntry("phone", "quality rule 'format:phone': phone to E.164");
  }

  @Test
  void completenessCountsMissingCells() {
    Outcome o = run("[]", row(1L, null, "", null, null, null), row(2L, "a", "b", "c", 1L, "d"));
    assertThat(o.metrics().completeness()).isEqualTo(7.0 / 12);
    assertThat(o.metrics().uniqueness()).as("no unique rule").isNull();
  }

  @Test
  void runFiguresAreTheSharesOfSummedBatchCounts() {
    RuleSet rules = RuleSet.parse("- {rule: unique, column: id}\n- {rule: not_null, column: name}");
    Outcome a = rules.apply(COLS, List.of(row(1L, "a", "e", "p", 1L, "u"), row(1L, null, "e", "p", 1L, "u")));
    Outcome b = rules.apply(COLS, List.<Object[]>of(row(2L, "b", null, null, null, null)));
    java.util.Map<String, Double> sum = new java.util.HashMap<>(a.metrics().counts());
    b.metrics().counts().forEach((k, v) -> sum.merge(k, v, Double::sum));
    assertThat(Outcome.Metrics.figures(sum)).containsEntry("rows", 3.0).containsEntry("valid_rows", 2.0)
        .containsEntry("completeness", 13.0 / 18).containsEntry("validity", 2.0 / 3).containsEntry("keys_checked", 3.0);
    assertThat(Outcome.Metrics.figures(sum).get("uniqueness")).isCloseTo(2.0 / 3, within(1e-12));
  }
}
