package io.cairn.platform.profiles;

import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.spi.data.DatasetRef;
import java.util.UUID;

/**
 * Lineage of models: a training run reads its training dataset and writes the model, a dataset named
 * {@code model://<name>/<version>}; a flow's scoring or clustering step reads that model dataset, so the graph
 * shows training dataset -> model -> scores.
 */
final class ModelLineage {
  private final GovernanceHook lineage;

  ModelLineage(GovernanceHook lineage) {
    this.lineage = lineage;
  }

  /** The dataset a model version is in lineage. */
  static DatasetRef dataset(String model, int version) {
    return new DatasetRef("model://" + model, Integer.toString(version));
  }

  /**
   * A dataset named as {@code namespace/name}: the namespace ends at the first '/' after any {@code ://}
   * (e.g. {@code postgres://db:5432/shop.orders}, {@code file/data/x.csv}).
   *
   * @throws IllegalArgumentException when there is no '/' to split at
   */
  static DatasetRef parse(String dataset) {
    int scheme = dataset.indexOf("://");
    int slash = dataset.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    if (slash <= 0 || slash == dataset.length() - 1) {
      throw new IllegalArgumentException("trainingDataset must be '<namespace>/<name>', e.g."
          + " 'postgres://db:5432/shop.public.orders', not '" + dataset + "'");
    }
    return new DatasetRef(dataset.substring(0, slash), dataset.substring(slash + 1));
  }

  /** Records a finished training run: the training dataset (if any) in, the model version out. */
  void trained(String model, int version, DatasetRef trainingDataset, String by) {
    RunScope run = new RunScope("model-training." + model, UUID.randomUUID().toString(), by);
    lineage.onRunStart(run);
    if (trainingDataset != null) {
      lineage.onEndpoint(run, trainingDataset, GovernanceHook.Direction.INPUT);
    }
    lineage.onEndpoint(run, dataset(model, version), GovernanceHook.Direction.OUTPUT);
    lineage.onRunEnd(run, "SUCCEEDED", null);
  }

  /**
   * Records that a flow run read a model version, once per run: {@code runs} is the step's set of the runs
   * already recorded.
   */
  void usedOnce(java.util.Set<String> runs, io.cairn.spi.TaskContext context, io.cairn.catalog.ModelEntry entry) {
    if (runs.add(context.runId())) {
      used(context.flowId(), context.runId(), entry.name(), entry.version());
    }
  }

  /** Records that a flow run read a model version (its scoring or clustering step). */
  void used(String flowId, String runId, String model, int version) {
    lineage.onEndpoint(new RunScope(flowId, runId, null), dataset(model, version), GovernanceHook.Direction.INPUT);
  }
}
