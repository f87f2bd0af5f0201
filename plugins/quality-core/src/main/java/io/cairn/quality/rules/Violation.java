package io.cairn.quality.rules;

/**
 * One row (or a batch, {@code row} -1) that broke a rule.
 *
 * @param row the position of the row in the input batch, -1 for a batch rule
 * @param rule the rule's name
 * @param severity the rule's severity
 * @param column the column checked, or null
 * @param value the offending value, or null
 * @param reason a sentence naming the rule, column and value
 */
public record Violation(int row, String rule, Severity severity, String column, Object value, String reason) {}
