package io.cairn.platform.flows;

import io.cairn.catalog.RunState;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * What a replay run reads instead of its flow's source: records taken back from the quarantine (fixed by a
 * steward). The batch goes through the same read governance, steps and sinks as the source's batches; no
 * source offset moves.
 *
 * @param dataset the dataset the records were read from, reported to governance as the run's input
 * @param batch the records, offset-less
 * @param onEnd called once when the run ends, with its state and runId (e.g. to settle the quarantine)
 */
public record Replay(DatasetRef dataset, Batch batch, BiConsumer<String, RunState> onEnd) {
  public Replay {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(onEnd, "onEnd");
  }
}
