package io.cairn.catalog.policy;

import static io.cairn.catalog.jooq.Tables.PII_SUGGESTIONS;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.jooq.tables.records.PiiSuggestionsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** PII tag suggestions per column, kept with the stewards' decisions so later scans respect them. */
public final class SuggestionRepository {
  private final DSLContext dsl;

  public SuggestionRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /**
   * Records a scan's suggestion. A new one is {@code SUGGESTED}; a pending one gets the new confidence; an
   * accepted one stays accepted; a rejected one is suggested again only when the confidence rose by at least
   * {@code reopenDelta} (the column's data changed).
   *
   * @return whether a steward now has something to look at
   */
  public boolean suggest(String namespace, String dataset, String column, String tag, double confidence,
      String reason, double reopenDelta) {
    return dsl.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      PiiSuggestionsRecord r = tx.selectFrom(PII_SUGGESTIONS).where(PII_SUGGESTIONS.NAMESPACE.eq(namespace),
          PII_SUGGESTIONS.DATASET.eq(dataset), PII_SUGGESTIONS.COLUMN_NAME.eq(column), PII_SUGGESTIONS.TAG.eq(tag))
          .forUpdate().fetchOne();
      if (r == null) {
        r = tx.newRecord(PII_SUGGESTIONS);
        r.setNamespace(namespace);
        r.setDataset(dataset);
        r.setColumnName(column);
        r.setTag(tag);
        r.setStatus(SuggestionEntry.SUGGESTED);
      } else if (SuggestionEntry.ACCEPTED.equals(r.getStatus())
          || SuggestionEntry.REJECTED.equals(r.getStatus()) && confidence < r.getConfidence() + reopenDelta) {
        return false;
      } else {
        r.setStatus(SuggestionEntry.SUGGESTED);
      }
      r.setConfidence(confidence);
      r.setReason(reason);
      r.setUpdatedAt(AuditRepository.now());
      r.store();
      return true;
    });
  }

  /** Records a steward's decision; false when there is no such suggestion. */
  public boolean decide(long id, String status, String by) {
    var now = AuditRepository.now();
    return dsl.update(PII_SUGGESTIONS).set(PII_SUGGESTIONS.STATUS, status).set(PII_SUGGESTIONS.DECIDED_BY, by)
        .set(PII_SUGGESTIONS.DECIDED_AT, now).set(PII_SUGGESTIONS.UPDATED_AT, now)
        .where(PII_SUGGESTIONS.ID.eq(id)).execute() == 1;
  }

  public Optional<SuggestionEntry> find(long id) {
    return Optional.ofNullable(dsl.fetchOne(PII_SUGGESTIONS, PII_SUGGESTIONS.ID.eq(id)))
        .map(SuggestionRepository::map);
  }

  /** Suggestions with a status (null: all), newest first. */
  public List<SuggestionEntry> list(String status, int offset, int limit) {
    return dsl.selectFrom(PII_SUGGESTIONS)
        .where(status == null ? org.jooq.impl.DSL.noCondition() : PII_SUGGESTIONS.STATUS.eq(status))
        .orderBy(PII_SUGGESTIONS.UPDATED_AT.desc(), PII_SUGGESTIONS.ID.desc()).offset(offset).limit(limit)
        .fetch().map(SuggestionRepository::map);
  }

  /** The accepted suggestions of a dataset. */
  public List<SuggestionEntry> accepted(String namespace, String dataset) {
    return dsl.selectFrom(PII_SUGGESTIONS).where(PII_SUGGESTIONS.NAMESPACE.eq(namespace),
        PII_SUGGESTIONS.DATASET.eq(dataset), PII_SUGGESTIONS.STATUS.eq(SuggestionEntry.ACCEPTED))
        .fetch().map(SuggestionRepository::map);
  }

  private static SuggestionEntry map(PiiSuggestionsRecord r) {
    return new SuggestionEntry(r.getId(), r.getNamespace(), r.getDataset(), r.getColumnName(), r.getTag(),
        r.getConfidence(), r.getReason(), r.getStatus(), r.getDecidedBy(), r.getDecidedAt(), r.getUpdatedAt());
  }
}
