package io.cairn.quality.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cairn.quality.data.Table;
import io.cairn.quality.gx.Expectation;
import io.cairn.quality.gx.GxValidator;
import io.cairn.quality.profile.ColumnProfile.Frequency;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles of messy columns, and suggestions that hold on the data they came from. */
class ProfilerTest {
  static Table sample() {
    Map<String, List<?>> d = new LinkedHashMap<>();
    d.put("id", List.of(1, 2, 3, 4, 5, 6));
    d.put("email", Arrays.asList("a@x.io", "b@x.io", null, "c@y.org", "d@x.io", "e@x.io"));
    d.put("country", List.of("FR", "FR", "DE", "FR", "DE", "DE"));
    d.put("born", List.of("1990-01-02", "1985-12-31", "2001-07-04", "1990-01-02", "1979-03-03", "2000-02-29"));
    d.put("score", Arrays.asList(1.5, 2, null, null, 4.5, 3));
    d.put("name", List.of("Ann", "Bob", "Cy", "Dee", "Eve", "Flo"));
    d.put("mixed", List.of("1", "a", "2024-01-01", "x", "y", " "));
    return Table.ofColumns(d);
  }

  @Test
  void profilesTypesMissingDistinctRangesShapesAndTopValues() {
    Profiler.Profile p = Profiler.profile(sample());
    assertThat(p.rowCount()).isEqualTo(6);
    ColumnProfile id = p.columns().get(0);
    assertThat(id.type()).isEqualTo("integer");
    assertThat(id.distinctCount()).isEqualTo(6);
    assertThat(id.min()).isEqualTo(1);
    assertThat(id.max()).isEqualTo(6);
    assertThat(id.mean()).isEqualTo(3.5);
    assertThat(id.stdev()).isCloseTo(1.870829, within(1e-6));

    ColumnProfile email = p.columns().get(1);
    assertThat(email.type()).isEqualTo("email");
    assertThat(email.nullCount()).isEqualTo(1);
    assertThat(email.nullShare()).isCloseTo(1.0 / 6, within(1e-9));
    assertThat(email.patterns().getFirst()).isEqualTo(new Frequency("a@a.aa", 4));

    ColumnProfile country = p.columns().get(2);
    assertThat(country.type()).isEqualTo("string");
    assertThat(country.topValues()).containsExactly(new Frequency("DE", 3), new Frequency("FR", 3));
    assertThat(country.minLength()).isEqualTo(2);

    ColumnProfile born = p.columns().get(3);
    assertThat(born.type()).isEqualTo("date");
    assertThat(born.min()).isEqualTo("1979-03-03");
    assertThat(born.max()).isEqualTo("2001-07-04");
    assertThat(born.patterns()).containsExactly(new Frequency("9999-99-99", 6));

    ColumnProfile score = p.columns().get(4);
    assertThat(score.type()).as("integers and decimals make numbers").isEqualTo("number");
    assertThat(score.nullCount()).isEqualTo(2);
    assertThat(score.mean()).isEqualTo(2.75);
    assertThat(p.columns().get(6).type()).isEqualTo("mixed");
    assertThat(p.columns().get(6).min()).isNull();
    assertThat(p.columns().get(6).nullCount()).as("blank text is a value, as in GX").isZero();
  }

  @Test
  void suggestionsHoldOnTheSampleTheyCameFrom() {
    Table t = sample();
    List<Suggestions.Suggestion> s = Suggestions.suggest(Profiler.profile(t));
    List<Expectation> expectations = s.stream().map(Suggestions.Suggestion::expectation).toList();
    assertThat(expectations).contains(
        new Expectation("expect_column_values_to_be_unique", Map.of("column", "id")),
        new Expectation("expect_column_values_to_be_in_set", Map.of("column", "country", "value_set", List.of("DE", "FR"))),
        new Expectation("expect_column_values_to_be_between", Map.of("column", "id", "min_value", 1, "max_value", 6)),
        new Expectation("expect_column_values_to_not_be_null", Map.of("column", "name")),
        new Expectation("expect_column_value_lengths_to_be_between", Map.of("column", "name", "min_value", 2, "max_value", 3)),
        new Expectation("expect_column_values_to_match_regex", Map.of("column", "born", "regex", "^\\d{4}-\\d{2}-\\d{2}$")));
    assertThat(expectations).noneMatch(e -> e.kwargs().get("column") != null && e.kwargs().get("column").equals("mixed")
        && e.type().contains("between"));
    assertThat(expectations).as("score misses 2 of 6: more than 10%, no not-null").noneMatch(e ->
        "score".equals(e.kwargs().get("column")) && e.type().equals("expect_column_values_to_not_be_null"));
    assertThat(s).filteredOn(x -> x.expectation().type().equals("expect_column_values_to_be_unique"))
        .extracting(Suggestions.Suggestion::rule).first().isEqualTo(Map.of("rule", "unique", "column", "id"));
    assertThat(GxValidator.validate(t, expectations)).allSatisfy(r -> assertThat(r.success())
        .as(r.expectation() + " " + r.result()).isTrue());
  }
}
