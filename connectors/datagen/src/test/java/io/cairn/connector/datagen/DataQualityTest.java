package io.cairn.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cairn.spi.data.Row;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The planted imperfections: near-duplicate customers and dirty values, at the configured rates. */
class DataQualityTest {
  private static final int N = 20_000;

  @ParameterizedTest
  @CsvSource({
    "customers, 0.02", "orders, 0.02", "events, 0.02", "consents, 0.02",
    "customers, 0.2", "orders, 0.1", "events, 0.1", "consents, 0.1"
  })
  void dirtyValuesAppearAtTheConfiguredRateAndOnlyThere(String entity, double rate) throws Exception {
    List<Row> rows =
        Runs.all(Runs.config(entity, "count", "" + N, "customers", "5000", "dirtyRate", "" + rate), 5000);

    double dirty = rows.stream().filter(r -> Checks.dirty(entity, r)).count() / (double) N;

    // five standard deviations of a binomial share over N rows
    assertThat(dirty).isCloseTo(rate, within(5 * Math.sqrt(rate * (1 - rate) / N)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"customers", "orders", "events", "consents"})
  void withoutDirtEveryRowPassesTheChecks(String entity) throws Exception {
    List<Row> rows =
        Runs.all(Runs.config(entity, "count", "" + N, "customers", "5000", "dirtyRate", "0"), 5000);

    assertThat(rows).noneMatch(r -> Checks.dirty(entity, r));
  }

  @Test
  void everyKindOfDirtInCustomersShowsUp() throws Exception {
    List<Row> rows = Runs.all(Runs.config("customers", "count", "5000", "dirtyRate", "0.5"), 5000);

    assertThat(rows).anyMatch(r -> Checks.blank(r.get(1)));
    assertThat(rows).anyMatch(r -> Checks.blank(r.get(3)));
    assertThat(rows).anyMatch(r -> !Checks.blank(r.get(3)) && !r.get(3).toString().contains("@"));
    assertThat(rows).anyMatch(r -> r.get(4).toString().chars().anyMatch(Character::isLetter));
    assertThat(rows).anyMatch(r -> r.get(9).toString().startsWith("209"));
    assertThat(rows).anyMatch(r -> r.get(9).toString().contains("/"));
    assertThat(rows).anyMatch(r -> r.get(9).toString().endsWith("-02-30"));
  }

  @Test
  void nearDuplicatesAppearAtTheConfiguredRate() throws Exception {
    Population population = new Population(42, N, 0.03);
    long duplicates = 0;
    for (long i = 0; i < N; i++) {
      long root = population.duplicateOf(i);
      if (root >= 0) {
        duplicates++;
        assertThat(root).isLessThan(i);
        assertThat(population.duplicateOf(root)).isEqualTo(-1);
      }
    }
    assertThat(duplicates / (double) N).isCloseTo(0.03, within(5 * Math.sqrt(0.03 * 0.97 / N)));
    assertThat(new Population(42, N, 0).duplicateOf(N - 1)).isEqualTo(-1);
  }

  @Test
  void nearDuplicatesLookLikeTheSamePersonButDiffer() throws Exception {
    List<Row> rows = Runs.all(Runs.config("customers", "count", "" + N, "dirtyRate", "0"), 5000);
    Population population = new Population(42, N, 0.03);
    int pairs = 0;
    Set<String> edits = new HashSet<>();
    for (int i = 0; i < N; i++) {
      long root = population.duplicateOf(i);
      if (root < 0) {
        continue;
      }
      pairs++;
      Row dup = rows.get(i);
      Row original = rows.get((int) root);
      assertThat(dup.get(0)).isNotEqualTo(original.get(0));
      assertThat(signals(dup, original)).as("same birth date and postcode at least").isGreaterThanOrEqualTo(2);
      assertThat(nameDistance(dup, original)).as("%s vs %s", dup, original).isLessThanOrEqualTo(2);
      String[] visible = {"first_name", "last_name", "email", "phone", "street"};
      boolean differs = false;
      for (int c = 1; c <= 5; c++) {
        if (!dup.get(c).equals(original.get(c))) {
          differs = true;
          edits.add(visible[c - 1]);
        }
      }
      assertThat(differs).as("a duplicate differs visibly: %s vs %s", dup, original).isTrue();
      if (dup.get(1).equals(original.get(2)) && dup.get(2).equals(original.get(1))) {
        edits.add("swapped names");
      }
      if (dup.get(12).equals(original.get(12))) {
        edits.add("shared device");
      }
    }
    assertThat(pairs).isGreaterThan(400);
    assertThat(edits)
        .contains("first_name", "last_name", "email", "phone", "street", "swapped names", "shared device");
  }

  /** How many strong identity signals a pair shares: normalised email, phone digits, device, birth date, postcode. */
  private static int signals(Row a, Row b) {
    int n = 0;
    n += Checks.normalEmail(a.get(3)).equals(Checks.normalEmail(b.get(3))) ? 1 : 0;
    n += Checks.phoneDigits(a.get(4)).equals(Checks.phoneDigits(b.get(4))) ? 1 : 0;
    n += a.get(12).equals(b.get(12)) ? 1 : 0;
    n += a.get(9).equals(b.get(9)) ? 1 : 0;
    n += a.get(7).equals(b.get(7)) ? 1 : 0;
    return n;
  }

  /** The edit distance of the full names, in the same or swapped order, ignoring case. */
  private static int nameDistance(Row a, Row b) {
    String first = a.get(1).toString().toLowerCase(Locale.ROOT);
    String last = a.get(2).toString().toLowerCase(Locale.ROOT);
    String otherFirst = b.get(1).toString().toLowerCase(Locale.ROOT);
    String otherLast = b.get(2).toString().toLowerCase(Locale.ROOT);
    return Math.min(
        Checks.distance(first + " " + last, otherFirst + " " + otherLast),
        Checks.distance(last + " " + first, otherFirst + " " + otherLast));
  }
}
