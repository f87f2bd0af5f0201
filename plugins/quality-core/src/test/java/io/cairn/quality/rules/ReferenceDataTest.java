package io.cairn.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Referential rules and unit / currency conversion with reference data inline, in a CSV file and in tables
 * of the machine's PostgreSQL (database {@code test}).
 */
class ReferenceDataTest {
  static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String SUFFIX = Long.toString(System.nanoTime(), 36);
  static final String COUNTRIES = "ref_countries_" + SUFFIX;
  static final String RATES = "ref_rates_" + SUFFIX;
  static final List<String> COLS = List.of("id", "country", "amount", "currency");

  @TempDir
  Path dir;

  static Connection pg() throws SQLException {
    return DriverManager.getConnection(PG, "postgres", "");
  }

  @BeforeAll
  static void tables() throws SQLException {
    try (Connection c = pg(); Statement s = c.createStatement()) {
      s.execute("create table " + COUNTRIES + " (code varchar(2) primary key, name text)");
      s.execute("insert into " + COUNTRIES + " values ('FR', 'France'), ('DE', 'Germany'), ('GB', 'United Kingdom')");
      s.execute("create table " + RATES + " (currency varchar(3) primary key, to_eur numeric(12, 6))");
      s.execute("insert into " + RATES + " values ('USD', 0.92), ('GBP', 1.17)");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = pg(); Statement s = c.createStatement()) {
      s.execute("drop table if exists " + COUNTRIES);
      s.execute("drop table if exists " + RATES);
    }
  }

  static Outcome run(String rules, Object[]... rows) {
    return RuleSet.parse(rules).apply(COLS, Arrays.asList(rows));
  }

  static Object[] row(Object... v) {
    return v;
  }

  static String jdbc(String table, String key, String value) {
    return "jdbcUrl: '" + PG + "', user: postgres, table: " + table + ", keyColumn: " + key
        + (value == null ? "" : ", valueColumn: " + value);
  }

  @Test
  void aValueMustExistInAPostgresTableLoadedOncePerRuleSet() throws SQLException {
    RuleSet rules = RuleSet.parse("- {rule: referential, column: country, " + jdbc(COUNTRIES, "code", null) + "}");
    Outcome o = rules.apply(COLS, List.of(row(1L, "FR", null, null), row(2L, "XX", null, null),
        row(3L, null, null, null), row(4L, "DE", null, null)));
    assertThat(o.rows()).extracting(Outcome.Kept::origin).containsExactly(0, 2, 3);
    assertThat(o.quarantined()).singleElement().satisfies(v -> assertThat(v.reason())
        .isEqualTo("rule 'referential:country' on column 'country': value 'XX' is not in the reference data"));
    try (Connection c = pg(); Statement s = c.createStatement()) {
      s.execute("insert into " + COUNTRIES + " values ('XX', 'added later')");
    }
    assertThat(rules.apply(COLS, List.<Object[]>of(row(5L, "XX", null, null))).quarantined())
        .as("the reference is cached for the run: a row added meanwhile is not seen").hasSize(1);
    assertThat(RuleSet.parse("- {rule: referential, column: country, " + jdbc(COUNTRIES, "code", null) + "}")
        .apply(COLS, List.<Object[]>of(row(5L, "XX", null, null))).quarantined()).as("a new run loads it again")
        .isEmpty();
  }

  @Test
  void referenceValuesComeInlineOrFromACsvFileNumbersByValue() throws Exception {
    Path csv = Files.writeString(dir.resolve("ids.csv"), "id,label\n1,one\n2,two\n");
    Outcome fromFile = RuleSet.parse("- {rule: referential, column: id, file: '" + csv + "'}").apply(COLS,
        List.of(row(1L, null, null, null), row(2.0, null, null, null), row(3L, null, null, null)));
    assertThat(fromFile.rows()).extracting(Outcome.Kept::origin).containsExactly(0, 1);
    Outcome inline = run("- {rule: referential, column: country, values: [FR, DE], action: warn}",
        row(1L, "IT", null, null));
    assertThat(inline.warnings()).hasSize(1);
    assertThat(inline.rows()).hasSize(1);
  }

  @Test
  void amountsAreConvertedToTheTargetCurrencyWithRatesFromPostgres() {
    Outcome o = run("- {fix: convert_currency, amount: amount, currency: currency, to: EUR, scale: 2, "
            + jdbc(RATES, "currency", "to_eur") + "}",
        row(1L, null, new BigDecimal("100.00"), "USD"), row(2L, null, new BigDecimal("10"), "gbp"),
        row(3L, null, new BigDecimal("5"), "EUR"), row(4L, null, new BigDecimal("7"), "JPY"),
        row(5L, null, null, "USD"));
    assertThat(o.rows()).extracting(k -> Arrays.asList(k.values())).containsExactly(
        Arrays.asList(1L, null, new BigDecimal("92.00"), "EUR"), Arrays.asList(2L, null, new BigDecimal("11.70"), "EUR"),
        Arrays.asList(3L, null, new BigDecimal("5"), "EUR"), Arrays.asList(5L, null, null, "USD"));
    assertThat(o.quarantined()).singleElement().satisfies(v -> assertThat(v.reason())
        .isEqualTo("rule 'convert_currency:amount' on column 'currency': no rate from 'JPY' to EUR"));
    assertThat(o.metrics().fixed()).isEqualTo(2);
    assertThat(RuleSet.parse("- {fix: convert_currency, amount: amount, currency: currency, to: EUR, rates: {USD: 0.92}}")
        .fixedColumns()).containsOnlyKeys("amount", "currency");
  }

  @Test
  void unitsAreConvertedWithFactorsInlineOrFromCsv() throws Exception {
    Path csv = Files.writeString(dir.resolve("mass.csv"), "unit,kg\ng,0.001\nlb,0.45359237\n");
    Outcome o = run("- {fix: convert_unit, value: amount, unit: currency, to: kg, file: '" + csv + "', scale: 3}",
        row(1L, null, 2000L, "g"), row(2L, null, 10.0, "lb"), row(3L, null, "heavy", "g"));
    assertThat(o.rows()).extracting(k -> k.values()[2]).containsExactly(2.0, 4.536);
    assertThat(o.quarantined()).singleElement().satisfies(v -> assertThat(v.reason()).contains("amount 'heavy' is not a number"));
    Outcome inline = run("- {fix: convert_unit, value: amount, unit: currency, to: m, factors: {cm: 0.01}, action: fail}",
        row(1L, null, 250L, "cm"), row(2L, null, 1L, "parsec"));
    assertThat(inline.rows()).extracting(k -> k.values()[2]).containsExactly(2.5, 1L);
    assertThatThrownBy(inline::throwIfFailed).hasMessageContaining("no rate from 'parsec' to m");
  }

  @Test
  void badReferencesAreRefusedOrFailTheBatchWithTheReason() {
    assertThatThrownBy(() -> RuleSet.parse("- {rule: referential, column: country}"))
        .hasMessageContaining("give exactly one of 'values', 'file' or 'jdbcUrl'");
    assertThatThrownBy(() -> RuleSet.parse("- {rule: referential, column: country, jdbcUrl: '" + PG
        + "', table: 'x; drop table y', keyColumn: code}")).hasMessageContaining("as plain SQL names");
    assertThatThrownBy(() -> RuleSet.parse("- {fix: convert_currency, amount: amount, currency: currency, to: EUR, "
        + "rates: [USD], action: fix}")).hasMessageContaining("'rates' must be a map")
        .hasMessageContaining("not fixed");
    RuleSet missing = RuleSet.parse("- {rule: referential, column: country, " + jdbc("no_such_table_" + SUFFIX,
        "code", null) + "}");
    assertThatThrownBy(() -> missing.apply(COLS, List.<Object[]>of(row(1L, "FR", null, null))))
        .isInstanceOf(QualityFailure.class).hasMessageContaining("the reference data could not be loaded from " + PG);
    RuleSet secret = RuleSet.parse("- {rule: referential, column: country, " + jdbc(COUNTRIES, "code", null)
        + ", passwordEnv: CAIRN_NO_SUCH_VARIABLE}");
    assertThatThrownBy(() -> secret.apply(COLS, List.<Object[]>of(row(1L, "FR", null, null))))
        .hasMessageContaining("environment variable CAIRN_NO_SUCH_VARIABLE is not set");
    assertThat(run("- {rule: referential, column: country, values: [FR]}", row(1L, "FR", null, null)).metrics()
        .counts()).containsEntry("rule.referential@country.checked", 1.0);
  }
}
