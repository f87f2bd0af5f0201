/** The consent-check benchmark: the in-memory gate's cost per row beside a plain {@code HashSet} lookup. */
package io.cairn.bench.consent;
