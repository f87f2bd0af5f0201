package io.cairn.catalog.segments;

import java.time.OffsetDateTime;

/** A segment's size at one evaluation. */
public record SegmentSize(OffsetDateTime at, int size) {}
