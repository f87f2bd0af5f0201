package io.cairn.spi.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a batch: values in schema order, the subject (person) it is about, and its provenance.
 * Rows are immutable; the value array is copied in and never exposed.
 */
public final class Row {
  private final Object[] values;
  private final String subjectId;
  private final Provenance provenance;

  public Row(Object[] values, String subjectId, Provenance provenance) {
    this.values = values.clone();
    this.subjectId = subjectId;
    this.provenance = Objects.requireNonNull(provenance, "provenance");
  }

  public Object get(int i) {
    return values[i];
  }

  public int size() {
    return values.length;
  }

  /** The subject id, or null when the row is not about a person. */
  public String subjectId() {
    return subjectId;
  }

  public Provenance provenance() {
    return provenance;
  }

  /** A copy of the values. */
  public Object[] values() {
    return values.clone();
  }

  /** This row with other values and the same subject and provenance. */
  public Row withValues(Object[] newValues) {
    return new Row(newValues, subjectId, provenance);
  }

  /** This row with value {@code i} replaced. */
  public Row with(int i, Object value) {
    Object[] copy = values.clone();
    copy[i] = value;
    return new Row(copy, subjectId, provenance);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r
        && Arrays.equals(r.values, values)
        && Objects.equals(r.subjectId, subjectId)
        && r.provenance.equals(provenance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(values), subjectId, provenance);
  }

  @Override
  public String toString() {
    return Arrays.toString(values) + "@" + provenance.offset();
  }
}
