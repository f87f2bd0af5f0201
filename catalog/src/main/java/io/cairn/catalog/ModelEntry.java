package io.cairn.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One version of a model in the registry.
 *
 * @param kind e.g. {@code propensity}, {@code kmeans}
 * @param stage {@code CANDIDATE} when registered, {@code PRODUCTION} for the one version in use, {@code RETIRED}
 *     for versions that were in production before
 * @param metrics figures from the held-out data, e.g. {@code auc}, {@code log_loss}
 * @param trainingDataset the dataset it was trained on (for lineage), or null
 */
public record ModelEntry(
    long id, String name, int version, String kind, String stage, List<String> features, Map<String, Double> metrics,
    String trainingDataset, String createdBy, OffsetDateTime createdAt, OffsetDateTime promotedAt) {
  public static final String CANDIDATE = "CANDIDATE";
  public static final String PRODUCTION = "PRODUCTION";
  public static final String RETIRED = "RETIRED";
}
