package io.cairn.governance.erasure;

import io.cairn.catalog.erasure.ErasureRepository;
import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure in the flows. (a) It learns which column of each dataset holds the subject id: the first batch a run
 * reads or writes with subject ids shows the column whose value equals each row's {@code subjectId()}, and the
 * catalog records it (never over a column set by a user). (b) It honours erasure tombstones: every batch a
 * source reads loses the rows whose subject hashes to a tombstone, so a re-run of an old flow cannot bring an
 * erased person back. Dropped rows are counted per run and logged when the run ends (counts only).
 */
public final class ErasureHook implements GovernanceHook {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureHook.class);
  private static final int SAMPLE = 50;

  private final ErasureRepository repository;
  private final SubjectHasher hasher;
  private final TombstoneSet tombstones;
  private final Set<DatasetRef> learned = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> dropped = new ConcurrentHashMap<>();
  private final AtomicLong droppedTotal = new AtomicLong();

  /**
   * @param checkMillis how often running flows look for new tombstones (every run start looks too)
   */
  public ErasureHook(ErasureRepository repository, SubjectHasher hasher, long checkMillis) {
    this.repository = repository;
    this.hasher = hasher;
    this.tombstones = new TombstoneSet(repository, checkMillis);
  }

  @Override
  public void onRunStart(RunScope run) {
    tombstones.refresh();
  }

  @Override
  public Batch afterRead(RunScope run, DatasetRef source, Batch batch) {
    learn(run, source, batch);
    Set<String> erased = tombstones.current();
    if (erased.isEmpty() || batch.isEmpty()) {
      return batch;
    }
    Batch kept = batch.filter(r -> r.subjectId() == null || !erased.contains(hasher.hash(r.subjectId())));
    int gone = batch.size() - kept.size();
    if (gone > 0) {
      dropped.computeIfAbsent(run.runId(), k -> new AtomicLong()).addAndGet(gone);
      droppedTotal.addAndGet(gone);
    }
    return kept;
  }

  @Override
  public void afterWrite(RunScope run, DatasetRef target, Batch batch, long rows) {
    learn(run, target, batch);
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    AtomicLong n = dropped.remove(run.runId());
    if (n != null && n.get() > 0) {
      LOG.info("flow {} run {}: {} rows of erased subjects dropped at the source", run.flowId(), run.runId(),
          n.get());
    }
  }

  /** Rows of erased subjects this hook dropped since it started (all runs). */
  public long droppedRows() {
    return droppedTotal.get();
  }

  private void learn(RunScope run, DatasetRef dataset, Batch batch) {
    if (learned.contains(dataset) || batch.isEmpty()) {
      return;
    }
    subjectColumn(batch).ifPresent(column -> {
      try {
        repository.learnSubjectColumn(dataset.namespace(), dataset.name(), column, "flow:" + run.flowId());
        learned.add(dataset);
      } catch (RuntimeException e) {
        LOG.warn("could not record the subject column of {}: {}", dataset, e.getMessage());
      }
    });
  }

  /** The first column whose value equals the subject id in every sampled row that has one. */
  static java.util.Optional<String> subjectColumn(Batch batch) {
    var columns = batch.schema().columns();
    int seen = 0;
    boolean[] candidate = new boolean[columns.size()];
    java.util.Arrays.fill(candidate, true);
    for (Row r : batch.rows()) {
      if (r.subjectId() == null) {
        continue;
      }
      for (int i = 0; i < candidate.length; i++) {
        candidate[i] &= r.get(i) != null && r.subjectId().equals(r.get(i).toString());
      }
      if (++seen >= SAMPLE) {
        break;
      }
    }
    if (seen == 0) {
      return java.util.Optional.empty();
    }
    for (int i = 0; i < candidate.length; i++) {
      if (candidate[i]) {
        return java.util.Optional.of(columns.get(i).name());
      }
    }
    return java.util.Optional.empty();
  }
}
