package io.cairn.catalog.erasure;

import static io.cairn.catalog.jooq.Tables.ERASURE_CONNECTIONS;
import static io.cairn.catalog.jooq.Tables.ERASURE_DATASETS;
import static io.cairn.catalog.jooq.Tables.ERASURE_TOMBSTONES;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.jooq.tables.records.ErasureDatasetsRecord;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Erasure tombstones, the datasets' subject columns and policies, and reachable namespaces. Thread-safe. */
public final class ErasureRepository {
  private final DSLContext dsl;

  public ErasureRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** Adds tombstones (keyed hashes); ones already there are kept as they are. */
  public void addTombstones(Collection<String> hashes, String requestId) {
    for (String h : new HashSet<>(hashes)) {
      try {
        dsl.insertInto(ERASURE_TOMBSTONES).set(ERASURE_TOMBSTONES.SUBJECT_HASH, h)
            .set(ERASURE_TOMBSTONES.REQUEST_ID, requestId).set(ERASURE_TOMBSTONES.CREATED_AT, DsarRepository.now())
            .onConflictDoNothing().execute();
      } catch (IntegrityConstraintViolationException raced) {
        // another request tombstoned the same person at the same moment
      }
    }
  }

  /** Every tombstone hash. */
  public Set<String> tombstones() {
    return new HashSet<>(dsl.select(ERASURE_TOMBSTONES.SUBJECT_HASH).from(ERASURE_TOMBSTONES)
        .fetch(ERASURE_TOMBSTONES.SUBJECT_HASH));
  }

  /** How many tombstones there are: a cheap version to tell whether a cached set is stale. */
  public int tombstoneCount() {
    return dsl.fetchCount(ERASURE_TOMBSTONES);
  }

  /**
   * Records the subject column a flow showed for a dataset, unless one is known already (a column set by a
   * user, or learned before, is never overwritten by a flow). New datasets get the {@code delete} policy.
   *
   * @return true when this call recorded it
   */
  public boolean learnSubjectColumn(String namespace, String name, String column, String learnedFrom) {
    Optional<ErasureDatasetEntry> known = dataset(namespace, name);
    if (known.isPresent() && known.get().subjectColumn() != null) {
      return false;
    }
    try {
      if (known.isPresent()) {
        return dsl.update(ERASURE_DATASETS).set(ERASURE_DATASETS.SUBJECT_COLUMN, column)
            .set(ERASURE_DATASETS.LEARNED_FROM, learnedFrom).set(ERASURE_DATASETS.UPDATED_AT, DsarRepository.now())
            .where(ERASURE_DATASETS.NAMESPACE.eq(namespace)).and(ERASURE_DATASETS.NAME.eq(name))
            .and(ERASURE_DATASETS.SUBJECT_COLUMN.isNull()).execute() == 1;
      }
      return dsl.insertInto(ERASURE_DATASETS).set(ERASURE_DATASETS.NAMESPACE, namespace)
          .set(ERASURE_DATASETS.NAME, name).set(ERASURE_DATASETS.SUBJECT_COLUMN, column)
          .set(ERASURE_DATASETS.POLICY, "delete").set(ERASURE_DATASETS.LEARNED_FROM, learnedFrom)
          .set(ERASURE_DATASETS.UPDATED_AT, DsarRepository.now()).execute() == 1;
    } catch (IntegrityConstraintViolationException raced) {
      return false;
    }
  }

  /** Sets a dataset's subject column (null keeps the known one) and policy, as a user decided. */
  public ErasureDatasetEntry setPolicy(String namespace, String name, String subjectColumn, String policy,
      String maskSpec, String reason, String setBy) {
    var now = DsarRepository.now();
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      int updated = tx.update(ERASURE_DATASETS)
          .set(ERASURE_DATASETS.SUBJECT_COLUMN, subjectColumn == null ? ERASURE_DATASETS.SUBJECT_COLUMN
              : org.jooq.impl.DSL.val(subjectColumn))
          .set(ERASURE_DATASETS.POLICY, policy).set(ERASURE_DATASETS.MASK_SPEC, maskSpec)
          .set(ERASURE_DATASETS.REASON, reason).set(ERASURE_DATASETS.UPDATED_AT, now)
          .set(ERASURE_DATASETS.LEARNED_FROM, subjectColumn == null ? ERASURE_DATASETS.LEARNED_FROM
              : org.jooq.impl.DSL.val(setBy))
          .where(ERASURE_DATASETS.NAMESPACE.eq(namespace)).and(ERASURE_DATASETS.NAME.eq(name)).execute();
      if (updated == 0) {
        tx.insertInto(ERASURE_DATASETS).set(ERASURE_DATASETS.NAMESPACE, namespace).set(ERASURE_DATASETS.NAME, name)
            .set(ERASURE_DATASETS.SUBJECT_COLUMN, subjectColumn).set(ERASURE_DATASETS.POLICY, policy)
            .set(ERASURE_DATASETS.MASK_SPEC, maskSpec).set(ERASURE_DATASETS.REASON, reason)
            .set(ERASURE_DATASETS.LEARNED_FROM, setBy).set(ERASURE_DATASETS.UPDATED_AT, now).execute();
      }
    });
    return dataset(namespace, name).orElseThrow();
  }

  public Optional<ErasureDatasetEntry> dataset(String namespace, String name) {
    return dsl.selectFrom(ERASURE_DATASETS).where(ERASURE_DATASETS.NAMESPACE.eq(namespace))
        .and(ERASURE_DATASETS.NAME.eq(name)).fetchOptional().map(ErasureRepository::map);
  }

  /** Every dataset with a record, by namespace and name. */
  public List<ErasureDatasetEntry> datasets() {
    return dsl.selectFrom(ERASURE_DATASETS).orderBy(ERASURE_DATASETS.NAMESPACE, ERASURE_DATASETS.NAME).fetch()
        .map(ErasureRepository::map);
  }

  /** Records a namespace erasure can reach (URL and user, never a password). */
  public void recordConnection(String namespace, String url, String user) {
    var now = DsarRepository.now();
    int updated = dsl.update(ERASURE_CONNECTIONS).set(ERASURE_CONNECTIONS.URL, url)
        .set(ERASURE_CONNECTIONS.USER_NAME, user).set(ERASURE_CONNECTIONS.UPDATED_AT, now)
        .where(ERASURE_CONNECTIONS.NAMESPACE.eq(namespace)).execute();
    if (updated == 0) {
      dsl.insertInto(ERASURE_CONNECTIONS).set(ERASURE_CONNECTIONS.NAMESPACE, namespace)
          .set(ERASURE_CONNECTIONS.URL, url).set(ERASURE_CONNECTIONS.USER_NAME, user)
          .set(ERASURE_CONNECTIONS.UPDATED_AT, now).execute();
    }
  }

  private static ErasureDatasetEntry map(ErasureDatasetsRecord r) {
    return new ErasureDatasetEntry(r.getNamespace(), r.getName(), r.getSubjectColumn(), r.getPolicy(),
        r.getMaskSpec(), r.getReason(), r.getLearnedFrom(), r.getUpdatedAt());
  }
}
