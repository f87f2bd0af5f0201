/**
 * The persisted identity graph: records with their identifiers and attributes, links with why they were made,
 * profiles, steward splits and erasure tombstones, per named graph. Plain values in and out; the matching
 * itself lives in the profiles library, which restores its in-memory graph from a {@link
 * io.cairn.catalog.identity.IdentitySnapshot}.
 */
package io.cairn.catalog.identity;
