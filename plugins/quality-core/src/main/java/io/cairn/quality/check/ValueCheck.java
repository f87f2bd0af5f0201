package io.cairn.quality.check;

import java.util.function.Predicate;

/**
 * A test of one non-null value, with what a failing value is not, for people: a value fails
 * {@code inSet([a, b])} because it "is not in [a, b]". Thread-safe.
 *
 * @param failure what a failing value is not, e.g. {@code is not a valid email}
 * @param test the test; never given null
 */
public record ValueCheck(String failure, Predicate<Object> test) {
  public boolean passes(Object value) {
    return test.test(value);
  }
}
