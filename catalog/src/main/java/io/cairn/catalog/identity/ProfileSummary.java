package io.cairn.catalog.identity;

import java.time.OffsetDateTime;

/** A profile of an identity graph: its id, how many records it joins and when that last changed. */
public record ProfileSummary(String profileId, int size, OffsetDateTime updatedAt) {}
