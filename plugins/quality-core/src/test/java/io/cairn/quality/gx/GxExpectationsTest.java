package io.cairn.quality.gx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cairn.quality.data.Table;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected results written by hand from GX's documented semantics: nulls left out of map expectations
 * (percentages of the non-missing values), {@code mostly} as a share of them, every occurrence of a
 * repeated value unexpected, {@code re.search} matching, sample standard deviation.
 */
class GxExpectationsTest {
  static final Table DATA = Table.ofColumns(data());

  static Map<String, List<?>> data() {
    Map<String, List<?>> d = new LinkedHashMap<>();
    d.put("id", List.of(1, 2, 3, 4, 5));
    d.put("email", Arrays.asList("a@x.io", null, "b@x.io", "bad", "a@x.io"));
    d.put("age", Arrays.asList(20, 35, null, 17, 90));
    d.put("country", Arrays.asList("FR", "DE", "FR", null, "XX"));
    d.put("start", Arrays.asList(1, 5, 3, null, 2));
    d.put("end", Arrays.asList(2, 5, 1, null, null));
    return d;
  }

  static ExpectationResult run(String type, Object... kv) {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      kwargs.put((String) kv[i], kv[i + 1]);
    }
    return GxValidator.compile(new Expectation(type, kwargs)).run(DATA);
  }

  @Test
  void notNullCountsEveryRowAndMostlyIsAShareOfThem() {
    ExpectationResult r = run("expect_column_values_to_not_be_null", "column", "email");
    assertThat(r.success()).isFalse();
    assertThat(r.result()).containsEntry("element_count", 5).containsEntry("unexpected_count", 1)
        .containsEntry("unexpected_percent", 20.0).containsEntry("partial_unexpected_list", Arrays.asList((Object) null))
        .doesNotContainKey("missing_count");
    assertThat(run("expect_column_values_to_not_be_null", "column", "email", "mostly", 0.8).success()).isTrue();
    assertThat(run("expect_column_values_to_not_be_null", "column", "email", "mostly", 0.81).success()).isFalse();
    assertThat(run("expect_column_values_to_be_null", "column", "email").result())
        .containsEntry("unexpected_count", 4);
  }

  @Test
  void uniqueMarksEveryOccurrenceOfARepeatedValue() {
    ExpectationResult r = run("expect_column_values_to_be_unique", "column", "email");
    assertThat(r.success()).isFalse();
    assertThat(r.result()).containsEntry("element_count", 5).containsEntry("missing_count", 1)
        .containsEntry("missing_percent", 20.0).containsEntry("unexpected_count", 2)
        .containsEntry("unexpected_percent", 50.0).containsEntry("unexpected_percent_total", 40.0)
        .containsEntry("unexpected_percent_nonmissing", 50.0)
        .containsEntry("partial_unexpected_list", List.of("a@x.io", "a@x.io"))
        .containsEntry("unexpected_index_list", List.of(0, 4));
    assertThat(r.unexpectedRows()).containsExactly(0, 4);
    assertThat(run("expect_column_values_to_be_unique", "column", "id").success()).isTrue();
  }

  @Test
  void inSetAndNotInSetLeaveNullsOut() {
    ExpectationResult r = run("expect_column_values_to_be_in_set", "column", "country", "value_set", List.of("FR", "DE"));
    assertThat(r.result()).containsEntry("unexpected_count", 1).containsEntry("unexpected_percent", 25.0)
        .containsEntry("unexpected_list", List.of("XX"));
    assertThat(r.success()).isFalse();
    assertThat(run("expect_column_values_to_be_in_set", "column", "country", "value_set", List.of("FR", "DE"),
        "mostly", 0.75).success()).isTrue();
    assertThat(run("expect_column_values_to_not_be_in_set", "column", "country", "value_set", List.of("FR"))
        .result()).containsEntry("unexpected_list", List.of("FR", "FR"));
    assertThat(run("expect_column_values_to_be_in_set", "column", "id", "value_set", List.of(1.0, 2, 3, 4, 5))
        .success()).as("numbers by value").isTrue();
  }

  @Test
  void regexesSearchAnywhereInTheValue() {
    assertThat(run("expect_column_values_to_match_regex", "column", "email", "regex", "@x\\.io$").result())
        .containsEntry("unexpected_list", List.of("bad"));
    assertThat(run("expect_column_values_to_match_regex", "column", "email", "regex", "x").result())
        .containsEntry("unexpected_count", 1);
    assertThat(run("expect_column_values_to_not_match_regex", "column", "email", "regex", "^a").result())
        .containsEntry("unexpected_list", List.of("a@x.io", "a@x.io"));
    assertThat(run("expect_column_values_to_match_regex_list", "column", "email",
        "regex_list", List.of("^a", "^b@"), "match_on", "any").result()).containsEntry("unexpected_list", List.of("bad"));
    assertThat(run("expect_column_values_to_match_regex_list", "column", "email",
        "regex_list", List.of("^a", "io$"), "match_on", "all").result()).containsEntry("unexpected_count", 2);
    assertThat(run("expect_column_values_to_not_match_regex_list", "column", "email",
        "regex_list", List.of("^a", "^b@")).result()).containsEntry("unexpected_count", 3);
  }

  @Test
  void betweenAndLengths() {
    ExpectationResult r = run("expect_column_values_to_be_between", "column", "age", "min_value", 18, "max_value", 65);
    assertThat(r.result()).containsEntry("unexpected_list", List.of(17, 90)).containsEntry("unexpected_percent", 50.0)
        .containsEntry("missing_count", 1);
    assertThat(run("expect_column_values_to_be_between", "column", "age", "min_value", 20, "strict_min", true)
        .result()).containsEntry("unexpected_list", List.of(20, 17));
    assertThat(run("expect_column_values_to_be_between", "column", "age", "max_value", 90).success()).isTrue();
    assertThat(run("expect_column_value_lengths_to_be_between", "column", "email", "min_value", 4, "max_value", 6)
        .result()).containsEntry("unexpected_list", List.of("bad"));
    assertThat(run("expect_column_value_lengths_to_equal", "column", "country", "value", 2).success()).isTrue();
  }

  @Test
  void aggregatesObserveTheNonMissingValues() {
    // ages 20, 35, 17, 90
    assertThat(run("expect_column_mean_to_be_between", "column", "age", "min_value", 30, "max_value", 45).result())
        .containsEntry("observed_value", 40.5);
    assertThat(run("expect_column_median_to_be_between", "column", "age", "min_value", 27.5, "max_value", 27.5)
        .result()).containsEntry("observed_value", 27.5);
    assertThat(run("expect_column_min_to_be_between", "column", "age", "min_value", 17).result())
        .containsEntry("observed_value", 17);
    assertThat(run("expect_column_max_to_be_between", "column", "age", "max_value", 90, "strict_max", true).success())
        .isFalse();
    assertThat(run("expect_column_sum_to_be_between", "column", "age", "min_value", 162, "max_value", 162).success())
        .isTrue();
    ExpectationResult stdev = run("expect_column_stdev_to_be_between", "column", "age", "min_value", 30, "max_value", 35);
    assertThat(stdev.success()).isTrue();
    assertThat((Double) stdev.result().get("observed_value")).as("sqrt(3453 / 3)").isCloseTo(33.92639, within(1e-4));
    assertThat(run("expect_column_unique_value_count_to_be_between", "column", "country", "min_value", 3,
        "max_value", 3).success()).isTrue();
    assertThat(run("expect_column_proportion_of_unique_values_to_be_between", "column", "email", "min_value", 0.75,
        "max_value", 0.75).success()).isTrue();
    assertThat(run("expect_column_mean_to_be_between", "column", "email", "min_value", 1).exception())
        .contains("not a number: 'a@x.io'");
  }

  @Test
  void distinctValuesAgainstASet() {
    ExpectationResult in = run("expect_column_distinct_values_to_be_in_set", "column", "country",
        "value_set", List.of("FR", "DE", "XX", "ES"));
    assertThat(in.success()).isTrue();
    assertThat(in.result()).containsEntry("observed_value", List.of("DE", "FR", "XX"));
    assertThat(run("expect_column_distinct_values_to_equal_set", "column", "country", "value_set", List.of("FR", "DE"))
        .success()).isFalse();
    assertThat(run("expect_column_distinct_values_to_contain_set", "column", "country", "value_set", List.of("FR"))
        .success()).isTrue();
  }

  @Test
  void tableExpectations() {
    assertThat(run("expect_table_row_count_to_be_between", "min_value", 1, "max_value", 4).result())
        .containsEntry("observed_value", 5);
    assertThat(run("expect_table_row_count_to_be_between", "min_value", 1, "max_value", 4).success()).isFalse();
    assertThat(run("expect_table_row_count_to_equal", "value", 5).success()).isTrue();
    assertThat(run("expect_table_column_count_to_equal", "value", 6).success()).isTrue();
    assertThat(run("expect_table_column_count_to_be_between", "max_value", 5).success()).isFalse();
    assertThat(run("expect_column_to_exist", "column", "email").success()).isTrue();
    assertThat(run("expect_column_to_exist", "column", "email", "column_index", 1).success()).isTrue();
    assertThat(run("expect_column_to_exist", "column", "email", "column_index", 0).success()).isFalse();
    assertThat(run("expect_column_to_exist", "column", "phone").success()).isFalse();
    assertThat(run("expect_table_columns_to_match_ordered_list", "column_list",
        List.of("id", "email", "age", "country", "start", "end")).success()).isTrue();
    assertThat(run("expect_table_columns_to_match_set", "column_set", List.of("id", "email"), "exact_match", false)
        .success()).isTrue();
    assertThat(run("expect_table_columns_to_match_set", "column_set", List.of("id", "email")).success()).isFalse();
  }

  @Test
  void columnPairs() {
    // (end, start): (2,1) ok, (5,5) equal, (1,3) smaller, (null,null) ignored, (null,2) missing A
    ExpectationResult r = run("expect_column_pair_values_A_to_be_greater_than_B", "column_A", "end", "column_B", "start");
    assertThat(r.result()).containsEntry("element_count", 5).containsEntry("missing_count", 1)
        .containsEntry("unexpected_count", 3).containsEntry("unexpected_percent", 75.0)
        .containsEntry("partial_unexpected_list", List.of(List.of(5, 5), List.of(1, 3), Arrays.asList(null, 2)));
    assertThat(run("expect_column_pair_values_A_to_be_greater_than_B", "column_A", "end", "column_B", "start",
        "or_equal", true).result()).containsEntry("unexpected_count", 2);
    ExpectationResult either = run("expect_column_pair_values_A_to_be_greater_than_B", "column_A", "end",
        "column_B", "start", "ignore_row_if", "either_value_is_missing", "mostly", 0.3);
    assertThat(either.result()).containsEntry("unexpected_count", 2).containsEntry("missing_count", 2);
    assertThat((Double) either.result().get("unexpected_percent")).isCloseTo(66.667, within(1e-3));
    assertThat(either.success()).as("1 of 3 expected >= 0.3").isTrue();
    assertThat(run("expect_column_pair_values_to_be_equal", "column_A", "end", "column_B", "start",
        "ignore_row_if", "either_value_is_missing").result()).containsEntry("unexpected_count", 2);
  }

  @Test
  void nothingToCountIsASuccessWithNoPercentage() {
    Table empty = Table.ofColumns(Map.of("c", Arrays.asList(null, null)));
    ExpectationResult r = GxValidator.compile(new Expectation("expect_column_values_to_be_in_set",
        Map.of("column", "c", "value_set", List.of("a")))).run(empty);
    assertThat(r.success()).isTrue();
    assertThat(r.result()).containsEntry("unexpected_percent", null).containsEntry("missing_percent", 100.0);
  }

  @Test
  void aMissingColumnIsAnExceptionResultInGxShape() {
    ExpectationResult r = run("expect_column_values_to_not_be_null", "column", "phone");
    assertThat(r.success()).isFalse();
    Map<String, Object> gx = r.toGx();
    assertThat(gx).containsOnlyKeys("success", "expectation_config", "result", "exception_info");
    assertThat(gx.get("exception_info").toString()).isEqualTo("{raised_exception=true, exception_message=The column "
        + "\"phone\" in BatchData does not exist., exception_traceback=null}");
    assertThat(gx.get("expectation_config").toString()).isEqualTo(
        "{expectation_type=expect_column_values_to_not_be_null, kwargs={column=phone}}");
  }

  @Test
  void badExpectationsAreRefusedBeforeAnyDataIsRead() {
    assertThatThrownBy(() -> run("expect_column_values_to_be_purple", "column", "a"))
        .isInstanceOf(BadExpectationException.class)
        .hasMessageStartingWith("unknown expectation type 'expect_column_values_to_be_purple' (supported: ");
    assertThatThrownBy(() -> run("expect_column_values_to_not_be_null"))
        .hasMessage("expect_column_values_to_not_be_null: kwarg 'column' is required and must be a column name");
    assertThatThrownBy(() -> run("expect_column_values_to_not_be_null", "column", "a", "mostly", 1.5))
        .hasMessage("expect_column_values_to_not_be_null: kwarg 'mostly' must be between 0 and 1, not 1.5");
    assertThatThrownBy(() -> run("expect_column_values_to_be_between", "column", "a"))
        .hasMessage("expect_column_values_to_be_between: min_value and max_value cannot both be None");
    assertThatThrownBy(() -> run("expect_column_values_to_be_in_set", "column", "a", "value_set", "FR"))
        .hasMessageContaining("kwarg 'value_set' is required and must be a list");
    assertThatThrownBy(() -> run("expect_column_values_to_not_be_null", "column", "a", "colum", "b"))
        .hasMessage("expect_column_values_to_not_be_null: unknown kwargs [colum]");
    assertThatThrownBy(() -> run("expect_column_values_to_match_regex", "column", "a", "regex", "(("))
        .hasMessageContaining("kwarg 'regex' is not a valid regular expression");
    assertThatThrownBy(() -> GxValidator.validate(DATA, List.of(
        new Expectation("expect_table_row_count_to_equal", Map.of("value", 5)),
        new Expectation("expect_table_row_count_to_equal", Map.of("value", "five")))))
        .hasMessage("expectation 2: expect_table_row_count_to_equal: kwarg 'value' must be a number, not 'five'");
    assertThat(run("expect_column_values_to_not_be_null", "column", "email", "result_format", "COMPLETE").success())
        .as("GX's generic kwargs are accepted").isFalse();
  }

  @Test
  void suitesAsGxWritesThem() {
    List<Expectation> suite = GxSuite.parse("""
        {"expectation_suite_name": "people", "expectations": [
          {"expectation_type": "expect_column_values_to_not_be_null", "kwargs": {"column": "id"}, "meta": {}},
          {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}}]}
        """);
    assertThat(suite).containsExactly(new Expectation("expect_column_values_to_not_be_null", Map.of("column", "id")),
        new Expectation("expect_table_row_count_to_be_between", Map.of("min_value", 1)));
    assertThat(GxValidator.validate(DATA, suite)).extracting(ExpectationResult::success).containsExactly(true, true);
    assertThatThrownBy(() -> GxSuite.parse("{\"expectations\": [{\"kwargs\": {}}]}"))
        .hasMessage("expectation 1 has no 'expectation_type'");
    assertThatThrownBy(() -> GxSuite.parse("{\"name\": 1}")).hasMessageContaining("list of expectations");
    assertThatThrownBy(() -> GxSuite.parse("nope")).hasMessageContaining("not JSON");
    assertThat(GxValidator.types()).hasSizeGreaterThanOrEqualTo(30);
  }
}
