package io.cairn.platform.profiles;

import io.cairn.catalog.ModelEntry;
import io.cairn.spi.Purpose;
import io.cairn.spi.TaskContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model version a step holds from {@link ModelService} for its run: records, once per run, that the run read
 * it (the first batch puts the model version in the run's lineage), answers whether a subject's consent permits
 * profiling, and gives the model back once when the step closes.
 */
final class HeldModel {
  private final ModelService models;
  private final ModelEntry entry;
  private final Set<String> runsInLineage = ConcurrentHashMap.newKeySet();
  private boolean released;

  HeldModel(ModelService models, ModelEntry entry) {
    this.models = models;
    this.entry = entry;
  }

  /** Puts the model version in the run's lineage, the first time the run calls. */
  void usedBy(TaskContext context) {
    models.lineage().usedOnce(runsInLineage, context, entry);
  }

  /** Whether a row of this subject may be profiled: an unknown subject (null) may. */
  boolean permitsProfiling(String subject) {
    return subject == null || models.consent().permits(subject, Purpose.PROFILING);
  }

  /** The model version as a lineage dataset name. */
  io.cairn.spi.data.DatasetRef dataset() {
    return ModelLineage.dataset(entry.name(), entry.version());
  }

  /** Gives the model back; later calls do nothing. */
  void release() {
    if (!released) {
      released = true;
      models.release(entry);
    }
  }
}
