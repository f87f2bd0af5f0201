package io.cairn.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of a source that can meet malformed input: a bad record goes to the quarantine with a reason
 * and its raw text, and every good record around it is read. Implement it beside
 * {@link SourceConnectorContract}.
 */
public interface QuarantineContract {
  /**
   * Prepares a source with {@code good} good records and one malformed record after the first, returning the
   * configuration that reads it.
   */
  Map<String, String> prepareWithBadRecord(int good) throws Exception;

  /** A part of the reason the connector gives for the malformed record, e.g. {@code "invalid JSON"}. */
  String expectedReason();

  @Test
  default void quarantinesTheBadRecordWithItsReasonAndReadsTheRest() throws Exception {
    SourceConnectorContract self = (SourceConnectorContract) this;
    int good = 8;
    Map<String, String> config = prepareWithBadRecord(good);
    FakeTaskContext context = self.context("run-bad");
    SourceTask task = self.start(config, context, null);
    try {
      List<Batch> batches = self.read(task, good);
      assertThat(batches.stream().mapToInt(Batch::size).sum()).isEqualTo(good);
      long deadline = System.nanoTime() + self.patience().toNanos();
      while (context.quarantined().isEmpty() && System.nanoTime() < deadline) {
        task.poll(SourceConnectorContract.MAX_ROWS);
      }
    } finally {
      task.stop();
    }
    assertThat(context.quarantined()).singleElement().satisfies(q -> {
      assertThat(q.reason()).contains(expectedReason());
      assertThat(q.rawRecord()).isNotBlank();
      assertThat(q.where()).isNotNull();
    });
  }
}
