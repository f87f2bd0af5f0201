/**
 * The step plugin {@code step-profiles}: wraps the profiles library ({@code io.cairn.profiles}) as governed
 * {@code cairn:step:<name>} steps. Steps here only map rows to the library's inputs and its results back to
 * columns; the algorithms live in the library.
 */
package io.cairn.step.profiles;
