package io.cairn.catalog;

import java.time.OffsetDateTime;

/**
 * A stored Great Expectations suite.
 *
 * @param expectations the suite's expectations as a GX JSON list
 */
public record QualitySuiteEntry(String name, String description, String expectations, String updatedBy,
    OffsetDateTime updatedAt) {}
