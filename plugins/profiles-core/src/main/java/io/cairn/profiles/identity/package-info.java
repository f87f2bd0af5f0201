/**
 * Identity resolution: identifiers normalised ({@link io.cairn.profiles.identity.Normalizer}), records linked
 * by deterministic and fuzzy {@link io.cairn.profiles.identity.MatchRule}s into an incremental union-find
 * ({@link io.cairn.profiles.identity.IdentityGraph}), each link explained, golden attributes chosen by
 * {@link io.cairn.profiles.identity.Survivorship}. Plain Java: no platform types.
 */
package io.cairn.profiles.identity;
