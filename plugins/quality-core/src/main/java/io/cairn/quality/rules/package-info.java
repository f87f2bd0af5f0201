/**
 * Cairn's own quality rules for a flow step: checks of rows and batches, each with a severity and an action
 * (fail the run, quarantine the row, warn, or fix the value), and cleaning fixes (trim, case, Unicode
 * normalisation, phones to E.164, emails, ISO dates, fill missing, dedupe with survivorship). A
 * {@link io.cairn.quality.rules.RuleSet} is parsed once from YAML or JSON and applied to batch after batch.
 */
package io.cairn.quality.rules;
