package io.cairn.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Cairn's row-filter language: what it accepts, how rows are tested, and what is refused. */
class RowFilterExpressionTest {
  static final Schema S = Schema.of(Column.of("country", ColumnType.STRING), Column.of("age", ColumnType.LONG),
      Column.of("active", ColumnType.BOOLEAN), Column.of("email", ColumnType.STRING));
  static final Provenance P = new Provenance(new DatasetRef("file", "/x"), "1");

  static Row row(String country, Long age, Boolean active, String email) {
    return new Row(new Object[] {country, age, active, email}, null, P);
  }

  @Test
  void comparesAndCombinesWithAnd() {
    Predicate<Row> p = RowFilterExpression.parse(
        "country in ('FR', 'BE') and age >= 18 and active = true and email is not null").bind(S);
    assertThat(p.test(row("FR", 18L, true, "a@b.c"))).isTrue();
    assertThat(p.test(row("BE", 70L, true, "a@b.c"))).isTrue();
    assertThat(p.test(row("DE", 30L, true, "a@b.c"))).isFalse();
    assertThat(p.test(row("FR", 17L, true, "a@b.c"))).isFalse();
    assertThat(p.test(row("FR", 30L, false, "a@b.c"))).isFalse();
    assertThat(p.test(row("FR", 30L, true, null))).isFalse();
    assertThat(p.test(row("FR", null, true, "a@b.c"))).as("null never compares").isFalse();
    assertThat(RowFilterExpression.parse("country <> 'O''Hara'").bind(S).test(row("O'Hara", 1L, true, null)))
        .isFalse();
    assertThat(RowFilterExpression.parse("email is null").bind(S).test(row("FR", 1L, true, null))).isTrue();
    assertThat(RowFilterExpression.parse("age < 2.5 and country = 'FR'").columns()).containsExactly("age", "country");
  }

  @Test
  void refusesWhatCouldFailOpen() {
    assertThatThrownBy(() -> RowFilterExpression.parse("country = '${{USER.country}}' or 1 = 1"))
        .hasMessageContaining("'or'");
    assertThatThrownBy(() -> RowFilterExpression.parse("country = ${{USER.country}}"))
        .hasMessageContaining("unexpected text");
    assertThatThrownBy(() -> RowFilterExpression.parse("upper(country) = 'FR'")).hasMessageContaining("operator");
    assertThatThrownBy(() -> RowFilterExpression.parse("country = FR")).hasMessageContaining("quote text");
    assertThatThrownBy(() -> RowFilterExpression.parse("country =")).hasMessageContaining("missing");
    assertThatThrownBy(() -> RowFilterExpression.parse("country")).hasMessageContaining("incomplete");
    assertThatThrownBy(() -> RowFilterExpression.parse(" ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> RowFilterExpression.parse("region = 'EU'").bind(S))
        .hasMessageContaining("reads column 'region'");
  }
}
