/**
 * Great Expectations suites, run natively: the common expectation types with GX's kwargs, {@code mostly}
 * semantics and result shape ({@code success}, {@code result.unexpected_count}, {@code unexpected_percent},
 * {@code partial_unexpected_list}, {@code observed_value}). Missing values are left out of column map
 * expectations as GX does, except by the null expectations themselves.
 */
package io.cairn.quality.gx;
