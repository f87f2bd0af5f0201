/**
 * The {@code redis} connector: a sink that keeps a real-time profile view in Redis, for lookups while a
 * visitor is on the site.
 *
 * <p>Keys (with an optional prefix): {@code profile:<id>}, a hash of the row's columns (values as text, ISO
 * dates and instants, a null removes the field); {@code segment:<name>}, the set of profile ids in a segment;
 * {@code profile_segments:<id>}, the set of a profile's segments. A profile's id is the row's key columns joined
 * by {@code :}, or its subject id. When a segments column is configured, its value (comma-separated names or
 * a JSON array of strings) is the profile's complete membership: segments it no longer names lose the
 * profile. The platform's {@code GET /api/v1/profiles/{id}/segments} reads {@code profile_segments:<id>}.
 *
 * <p>Each batch is written in one MULTI/EXEC transaction, so a reader sees a batch's rows all or none; writes
 * are idempotent, so a re-delivered batch is harmless. One task per key prefix: membership changes read the old
 * membership first and do not guard against a concurrent writer of the same profiles.
 */
package io.cairn.connector.redis;
