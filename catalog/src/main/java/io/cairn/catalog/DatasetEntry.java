package io.cairn.catalog;

import java.time.OffsetDateTime;

/** A dataset known to the catalog, named as OpenLineage names it. */
public record DatasetEntry(
    long id, String namespace, String name, String description, Integer currentSchemaVersion,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
