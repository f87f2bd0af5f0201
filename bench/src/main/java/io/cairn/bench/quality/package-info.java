/**
 * The quality benchmark of issue 7: a suite of 20 rules on 1,000,000 rows through the quality engine, beside
 * a plain Java loop that evaluates the same predicates (the limit).
 */
package io.cairn.bench.quality;
