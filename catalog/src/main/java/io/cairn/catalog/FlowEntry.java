package io.cairn.catalog;

import java.time.OffsetDateTime;

/**
 * A flow with its current definition.
 *
 * @param desiredState {@code RUNNING} or {@code STOPPED}: what the runtime restores at start
 */
public record FlowEntry(
    FlowId id, String name, String description, int currentVersion, String format, String definition,
    String desiredState, String runAs, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
