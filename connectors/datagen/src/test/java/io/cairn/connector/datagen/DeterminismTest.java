package io.cairn.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeterminismTest {
  private static Map<String, String> small(String entity, String seed) {
    return Runs.config(entity, "count", "3000", "customers", "400", "seed", seed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"customers", "orders", "events", "consents"})
  void theSameSeedGivesTheSameRowsWhateverTheBatchSize(String entity) throws Exception {
    List<Row> first = Runs.all(small(entity, "7"), 1000);
    List<Row> second = Runs.all(small(entity, "7"), 77);

    assertThat(first).hasSize(3000);
    assertThat(second).isEqualTo(first);
  }

  @ParameterizedTest
  @ValueSource(strings = {"customers", "orders", "events", "consents"})
  void anotherSeedGivesOtherRows(String entity) throws Exception {
    List<Row> seven = Runs.all(small(entity, "7"), 1000);
    List<Row> eight = Runs.all(small(entity, "8"), 1000);

    long same = IntStream.range(0, 3000)
        .filter(i -> Arrays.equals(seven.get(i).values(), eight.get(i).values()))
        .count();
    assertThat(same).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"customers", "orders", "events", "consents"})
  void aResumedRunContinuesExactlyWhereTheFirstStopped(String entity) throws Exception {
    List<Row> uninterrupted = Runs.all(small(entity, "42"), 500);

    Runs.Result head = Runs.from(small(entity, "42"), null, 333, 1000);
    assertThat(head.exhausted()).isFalse();
    Runs.Result tail = Runs.from(small(entity, "42"), head.lastOffset(), 250, Long.MAX_VALUE);
    List<Row> resumed = new ArrayList<>(head.rows());
    resumed.addAll(tail.rows());

    assertThat(head.lastOffset()).isEqualTo(String.valueOf(head.rows().size() - 1));
    assertThat(tail.exhausted()).isTrue();
    assertThat(resumed).isEqualTo(uninterrupted);
  }

  @ParameterizedTest
  @ValueSource(strings = {"customers", "orders", "events", "consents"})
  void rowsCarryTheirIndexAsOffsetAndTheDatasetOfEntityAndSeed(String entity) throws Exception {
    List<Row> rows = Runs.all(small(entity, "9"), 1000);

    DatasetRef expected = new DatasetRef("datagen", entity + "?seed=9");
    for (int i = 0; i < rows.size(); i += 97) {
      assertThat(rows.get(i).provenance().dataset()).isEqualTo(expected);
      assertThat(rows.get(i).provenance().offset()).isEqualTo(String.valueOf(i));
      assertThat(rows.get(i).subjectId()).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"customers", "orders", "events", "consents"})
  void generatesExactlyCountRowsThenIsExhausted(String entity) throws Exception {
    SourceTask task = Runs.task(Runs.config(entity, "count", "2500", "customers", "300"));
    task.start(Runs.CONTEXT, null);
    int total = 0;
    int polls = 0;
    while (!task.exhausted()) {
      Batch b = task.poll(1000);
      assertThat(b.schema()).isEqualTo(Entity.parse(entity).schema());
      total += b.size();
      polls++;
    }
    Batch after = task.poll(1000);

    assertThat(total).isEqualTo(2500);
    assertThat(polls).isEqualTo(3);
    assertThat(after.isEmpty()).isTrue();
    assertThat(task.dataset()).isEqualTo(new DatasetRef("datagen", entity + "?seed=42"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"customers", "orders", "events"})
  void countDefaultsPerEntity(String entity) throws Exception {
    long expected = switch (entity) {
      case "customers" -> 10_000;
      case "orders" -> 30_000;
      default -> 100_000;
    };
    SourceTask task = Runs.task(Runs.config(entity));
    task.start(Runs.CONTEXT, String.valueOf(expected - 11));

    assertThat(task.poll(1_000).size()).isEqualTo(10);
    assertThat(task.exhausted()).isTrue();
  }

  @org.junit.jupiter.api.Test
  void consentsDefaultToOneRowPerPurposePerCustomer() throws Exception {
    List<Row> rows = Runs.all(Runs.config("consents", "customers", "50"), 1000);

    assertThat(rows).hasSize(50 * 6);
    assertThat(rows.stream().filter(r -> r.get(0).equals("C000049")).map(r -> r.get(1)))
        .containsExactly(
            "analytics", "personalisation", "profiling", "email_marketing", "advertising", "sale_share");
  }

  @org.junit.jupiter.api.Test
  void aStoppedTaskReturnsNoMoreRows() throws Exception {
    SourceTask task = Runs.task(Runs.config("events", "count", "1000"));
    task.start(Runs.CONTEXT, null);
    assertThat(task.poll(10).size()).isEqualTo(10);

    task.stop();

    assertThat(task.poll(10).isEmpty()).isTrue();
  }
}
