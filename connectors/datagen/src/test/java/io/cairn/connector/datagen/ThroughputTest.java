package io.cairn.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.spi.connector.SourceTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A coarse guard against slow generation (Datafaker per row would be about 20x slower). The bar is low so
 * a busy 2-core machine passes; the printed rate is the number to watch.
 */
class ThroughputTest {
  @ParameterizedTest
  @ValueSource(strings = {"customers", "orders", "events", "consents"})
  void generatesWellOverFiftyThousandRowsPerSecond(String entity) throws Exception {
    int n = 300_000;
    SourceTask task = Runs.task(Runs.config(entity, "count", "" + n));
    task.start(Runs.CONTEXT, null);
    long began = System.nanoTime();
    long rows = 0;
    while (!task.exhausted()) {
      rows += task.poll(5000).size();
    }
    double perSecond = rows / ((System.nanoTime() - began) / 1e9);
    System.out.printf("datagen %s: %,.0f rows/s%n", entity, perSecond);

    assertThat(rows).isEqualTo(n);
    assertThat(perSecond).isGreaterThan(50_000);
  }
}
