package io.cairn.spi.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The unit a flow moves: hundreds to thousands of rows sharing one schema, plus the source offset to
 * commit once the batch is safely written. Immutable and thread-safe.
 */
public final class Batch {
  private final Schema schema;
  private final List<Row> rows;
  private final String sourceOffset;

  private Batch(Schema schema, List<Row> rows, String sourceOffset) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.rows = List.copyOf(rows);
    this.sourceOffset = sourceOffset;
    for (Row r : this.rows) {
      if (r.size() != schema.size()) {
        throw new IllegalArgumentException(
            "row has " + r.size() + " values but the schema has " + schema.size() + " columns");
      }
    }
  }

  public static Batch of(Schema schema, List<Row> rows, String sourceOffset) {
    return new Batch(schema, rows, sourceOffset);
  }

  public static Builder builder(Schema schema) {
    return new Builder(schema);
  }

  public Schema schema() {
    return schema;
  }

  public List<Row> rows() {
    return rows;
  }

  public int size() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * The offset in the source that the host commits after every row of this batch has been written, or
   * null when the source keeps no offsets. Opaque to the host.
   */
  public String sourceOffset() {
    return sourceOffset;
  }

  /** A batch with the same schema and offset and other rows. */
  public Batch withRows(List<Row> newRows) {
    return new Batch(schema, newRows, sourceOffset);
  }

  /** A batch with another schema, other rows and the same offset. */
  public Batch with(Schema newSchema, List<Row> newRows) {
    return new Batch(newSchema, newRows, sourceOffset);
  }

  /** The rows that match, as a batch with the same schema and offset. */
  public Batch filter(Predicate<Row> keep) {
    return withRows(rows.stream().filter(keep).toList());
  }

  /** Collects rows for a batch; not thread-safe. */
  public static final class Builder {
    private final Schema schema;
    private final List<Row> rows = new ArrayList<>();
    private String offset;

    private Builder(Schema schema) {
      this.schema = schema;
    }

    public Builder add(Row row) {
      rows.add(row);
      return this;
    }

    public Builder sourceOffset(String offset) {
      this.offset = offset;
      return this;
    }

    public int size() {
      return rows.size();
    }

    public Batch build() {
      return new Batch(schema, rows, offset);
    }
  }
}
