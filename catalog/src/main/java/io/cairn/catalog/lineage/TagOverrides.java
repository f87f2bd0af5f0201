package io.cairn.catalog.lineage;

import static io.cairn.catalog.jooq.Tables.LINEAGE_TAG_OVERRIDES;

import io.cairn.catalog.CatalogDatabase;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Stewards' overrides of a column's tags: the override is the column's whole tag set (possibly empty) and
 * wins over whatever lineage propagated to the column. One row per column; a new override replaces it.
 */
public final class TagOverrides {
  private final DSLContext dsl;

  public TagOverrides(CatalogDatabase db) {
    this(db.dsl());
  }

  TagOverrides(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A column's override. */
  public record TagOverride(long datasetId, String field, Set<String> tags, String reason, String steward,
      OffsetDateTime updatedAt) {}

  /** The column's override, if a steward set one. */
  public Optional<TagOverride> find(long datasetId, String field) {
    return dsl.selectFrom(LINEAGE_TAG_OVERRIDES).where(LINEAGE_TAG_OVERRIDES.DATASET_ID.eq(datasetId))
        .and(LINEAGE_TAG_OVERRIDES.FIELD.eq(field)).fetchOptional().map(TagOverrides::map);
  }

  /** The overridden tags of every overridden column of a dataset. */
  public Map<String, Set<String>> forDataset(long datasetId) {
    Map<String, Set<String>> out = new TreeMap<>();
    dsl.selectFrom(LINEAGE_TAG_OVERRIDES).where(LINEAGE_TAG_OVERRIDES.DATASET_ID.eq(datasetId)).fetch()
        .forEach(r -> out.put(r.getField(), map(r).tags()));
    return out;
  }

  /** Sets (or replaces) the column's override; returns it as stored. */
  public TagOverride put(long datasetId, String field, Set<String> tags, String reason, String steward) {
    OffsetDateTime now = LineageRepository.now();
    String joined = String.join(",", new TreeSet<>(tags));
    dsl.insertInto(LINEAGE_TAG_OVERRIDES).set(LINEAGE_TAG_OVERRIDES.DATASET_ID, datasetId)
        .set(LINEAGE_TAG_OVERRIDES.FIELD, field).set(LINEAGE_TAG_OVERRIDES.TAGS, joined)
        .set(LINEAGE_TAG_OVERRIDES.REASON, reason).set(LINEAGE_TAG_OVERRIDES.STEWARD, steward)
        .set(LINEAGE_TAG_OVERRIDES.UPDATED_AT, now)
        .onDuplicateKeyUpdate().set(LINEAGE_TAG_OVERRIDES.TAGS, joined).set(LINEAGE_TAG_OVERRIDES.REASON, reason)
        .set(LINEAGE_TAG_OVERRIDES.STEWARD, steward).set(LINEAGE_TAG_OVERRIDES.UPDATED_AT, now).execute();
    return new TagOverride(datasetId, field, Set.copyOf(new TreeSet<>(tags)), reason, steward, now);
  }

  private static TagOverride map(Record r) {
    String tags = r.get(LINEAGE_TAG_OVERRIDES.TAGS);
    Set<String> set = tags.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(tags.split(",")));
    return new TagOverride(r.get(LINEAGE_TAG_OVERRIDES.DATASET_ID), r.get(LINEAGE_TAG_OVERRIDES.FIELD), set,
        r.get(LINEAGE_TAG_OVERRIDES.REASON), r.get(LINEAGE_TAG_OVERRIDES.STEWARD),
        r.get(LINEAGE_TAG_OVERRIDES.UPDATED_AT));
  }
}
