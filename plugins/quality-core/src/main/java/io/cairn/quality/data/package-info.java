/**
 * The plain tabular view of data that every quality check reads: named columns and rows of Java values
 * ({@link java.lang.String}, {@link java.lang.Number}, {@link java.lang.Boolean}, {@code java.time} values),
 * with null as the missing value.
 */
package io.cairn.quality.data;
