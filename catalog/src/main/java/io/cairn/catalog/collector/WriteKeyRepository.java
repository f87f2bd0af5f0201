package io.cairn.catalog.collector;

import static io.cairn.catalog.jooq.Tables.COLLECTOR_WRITE_KEYS;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.jooq.tables.records.CollectorWriteKeysRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The collector's write keys: stored by hash, listed without it, revoked rather than deleted. Thread-safe. */
public final class WriteKeyRepository {
  private final DSLContext dsl;

  public WriteKeyRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** Stores a new key's hash; returns the stored entry. */
  public WriteKeyEntry create(String name, String prefix, String keyHash, String createdBy) {
    return map(dsl.insertInto(COLLECTOR_WRITE_KEYS)
        .set(COLLECTOR_WRITE_KEYS.NAME, name)
        .set(COLLECTOR_WRITE_KEYS.KEY_PREFIX, prefix)
        .set(COLLECTOR_WRITE_KEYS.KEY_HASH, keyHash)
        .set(COLLECTOR_WRITE_KEYS.CREATED_BY, createdBy)
        .set(COLLECTOR_WRITE_KEYS.CREATED_AT, now())
        .returning()
        .fetchOne());
  }

  /** Whether a key (revoked or not) already has this name. */
  public boolean nameTaken(String name) {
    return dsl.fetchExists(COLLECTOR_WRITE_KEYS, COLLECTOR_WRITE_KEYS.NAME.eq(name));
  }

  /** The key with this hash, revoked or not. */
  public Optional<WriteKeyEntry> findByHash(String keyHash) {
    return dsl.fetchOptional(COLLECTOR_WRITE_KEYS, COLLECTOR_WRITE_KEYS.KEY_HASH.eq(keyHash))
        .map(WriteKeyRepository::map);
  }

  /** Every key, oldest first. */
  public List<WriteKeyEntry> list() {
    return dsl.selectFrom(COLLECTOR_WRITE_KEYS).orderBy(COLLECTOR_WRITE_KEYS.ID).fetch(WriteKeyRepository::map);
  }

  /** Revokes a key; false when there is no such key or it was revoked already. */
  public boolean revoke(long id) {
    return dsl.update(COLLECTOR_WRITE_KEYS).set(COLLECTOR_WRITE_KEYS.REVOKED_AT, now())
        .where(COLLECTOR_WRITE_KEYS.ID.eq(id)).and(COLLECTOR_WRITE_KEYS.REVOKED_AT.isNull()).execute() == 1;
  }

  private static WriteKeyEntry map(CollectorWriteKeysRecord r) {
    return new WriteKeyEntry(r.getId(), r.getName(), r.getKeyPrefix(), r.getCreatedBy(), r.getCreatedAt(),
        r.getRevokedAt());
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
