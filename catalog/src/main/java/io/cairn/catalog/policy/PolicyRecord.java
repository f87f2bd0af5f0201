package io.cairn.catalog.policy;

import java.time.OffsetDateTime;

/**
 * A stored policy.
 *
 * @param id its id (also the Ranger policy id)
 * @param service {@code cairn} or {@code cairn-tags}
 * @param json the policy in Ranger's JSON model
 */
public record PolicyRecord(long id, String service, String name, String json, String updatedBy,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
