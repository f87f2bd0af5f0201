/**
 * Traits and tags per profile, declared in a versioned YAML {@link io.cairn.profiles.traits.TraitDefinition}
 * rather than code: aggregates of facts (orders, events), RFM quintile scores and named RFM segments,
 * lifecycle stages, and boolean {@link io.cairn.profiles.traits.Expressions} (JEXL) over them.
 */
package io.cairn.profiles.traits;
