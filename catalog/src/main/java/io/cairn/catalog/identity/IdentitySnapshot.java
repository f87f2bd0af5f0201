package io.cairn.catalog.identity;

import java.util.List;
import java.util.Set;

/**
 * Everything needed to rebuild an identity graph.
 *
 * @param records in arrival order
 * @param splits pairs of record ids a steward split apart
 * @param tombstones SHA-256 hex digests of erased identifiers
 */
public record IdentitySnapshot(List<StoredRecord> records, List<List<String>> splits, Set<String> tombstones) {}
