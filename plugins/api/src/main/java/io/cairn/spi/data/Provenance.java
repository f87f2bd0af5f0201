package io.cairn.spi.data;

import java.util.Objects;

/**
 * Where a row came from: its source dataset and its offset there (a line number, a key, a Kafka
 * partition/offset). Offsets are opaque to the host.
 */
public record Provenance(DatasetRef dataset, String offset) {
  public Provenance {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(offset, "offset");
  }
}
