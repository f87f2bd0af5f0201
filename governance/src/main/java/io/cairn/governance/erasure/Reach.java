package io.cairn.governance.erasure;

import io.cairn.catalog.erasure.ErasureDatasetEntry;
import io.cairn.catalog.erasure.ErasureRepository;
import io.cairn.catalog.lineage.LineageGraph;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.spi.data.DatasetRef;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where a person's rows are: the datasets with a known subject column that hold rows of theirs (the
 * seeds), then every dataset downstream of a seed by lineage, at any depth (the walk visits each node once,
 * so cycles end).
 */
final class Reach {
  /** Lineage depth in edges (dataset → job → dataset is two). */
  static final int MAX_DEPTH = 200;

  private final ErasureRepository repository;
  private final LineageQueries lineage;
  private final PersonData data;

  Reach(ErasureRepository repository, LineageQueries lineage, PersonData data) {
    this.repository = repository;
    this.lineage = lineage;
    this.data = data;
  }

  /** What was found: the datasets to act on, in order (seeds first), and the row counts of the seeds. */
  record Found(Set<DatasetRef> datasets, Map<DatasetRef, Long> seedRows, Map<DatasetRef, String> unreadable) {}

  Found find(Set<String> values) {
    Map<DatasetRef, Long> seeds = new LinkedHashMap<>();
    Map<DatasetRef, String> unreadable = new LinkedHashMap<>();
    for (ErasureDatasetEntry d : repository.datasets()) {
      if (d.subjectColumn() == null) {
        continue;
      }
      DatasetRef ref = new DatasetRef(d.namespace(), d.name());
      try {
        long n = data.count(d, values);
        if (n > 0) {
          seeds.put(ref, n);
        }
      } catch (Exception e) {
        unreadable.put(ref, PersonData.reason(e));
      }
    }
    Set<DatasetRef> all = new LinkedHashSet<>(seeds.keySet());
    all.addAll(unreadable.keySet());
    for (DatasetRef seed : new LinkedHashSet<>(all)) {
      all.addAll(downstream(seed));
    }
    return new Found(all, seeds, unreadable);
  }

  private Set<DatasetRef> downstream(DatasetRef seed) {
    Set<DatasetRef> out = new LinkedHashSet<>();
    Optional<Long> id = lineage.datasetId(seed.namespace(), seed.name());
    if (id.isEmpty()) {
      return out;
    }
    for (LineageGraph.Node n : lineage.graph(LineageGraph.NodeType.DATASET, id.get(), MAX_DEPTH,
        LineageQueries.Direction.DOWNSTREAM).nodes()) {
      if (n.type() == LineageGraph.NodeType.DATASET && n.id() != id.get()) {
        out.add(new DatasetRef(n.namespace(), n.name()));
      }
    }
    return out;
  }
}
