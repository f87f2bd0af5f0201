/**
 * The {@code cairn:step:quality} plugin: applies a rule set (and optionally a Great Expectations suite) from
 * {@code cairn-quality-core} to every batch of a flow, quarantining, fixing, warning about or failing on the
 * rows and batches that break the rules.
 */
package io.cairn.quality.step;
