package io.cairn.catalog;

import java.time.OffsetDateTime;

/** One stored version of a flow's definition; versions are never overwritten. */
public record FlowVersionEntry(
    FlowId flowId, int version, String format, String definition, String createdBy, OffsetDateTime createdAt) {}
