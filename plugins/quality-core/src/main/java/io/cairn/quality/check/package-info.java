/**
 * The checks every rule and expectation is made of: tests of single values (set membership, patterns,
 * ranges, lengths, formats) and statistics over a column (mean, median, standard deviation, quantiles).
 */
package io.cairn.quality.check;
