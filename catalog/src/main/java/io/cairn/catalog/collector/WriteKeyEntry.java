package io.cairn.catalog.collector;

import java.time.OffsetDateTime;

/**
 * A collector write key's metadata; the key itself is shown once at creation and only its hash is kept.
 *
 * @param id the key's id, stamped on every event it sent
 * @param name a name for people, unique
 * @param prefix the first characters of the key, safe to show to tell keys apart
 * @param createdBy who created it
 * @param createdAt when
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record WriteKeyEntry(long id, String name, String prefix, String createdBy, OffsetDateTime createdAt,
    OffsetDateTime revokedAt) {
  /** Whether events sent with it are accepted. */
  public boolean active() {
    return revokedAt == null;
  }
}
