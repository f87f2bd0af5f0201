package io.cairn.catalog;

import java.time.OffsetDateTime;

/** An API token's metadata; the token itself is shown once at creation and only its hash is kept. */
public record ApiTokenEntry(
    long id, long userId, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime expiresAt,
    OffsetDateTime lastUsedAt, boolean revoked) {}
