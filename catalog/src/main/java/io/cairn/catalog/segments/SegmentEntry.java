package io.cairn.catalog.segments;

import java.time.OffsetDateTime;

/**
 * A segment: its rule (a boolean expression over traits), the identity graph its members' profiles belong
 * to (or null), and its current size.
 */
public record SegmentEntry(String name, String rule, String graph, int size, OffsetDateTime updatedAt) {}
