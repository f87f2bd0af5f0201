package io.cairn.governance.masking;

import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies masks to the columns of whole batches. The masks are checked against the schema once per schema;
 * masked columns lose their {@code PII*} and {@code sensitive*} tags and gain {@value #MASKED} (or {@value
 * #PSEUDONYMISED} for hashes and tokens, which still single out a person). Immutable and thread-safe.
 */
public final class BatchMasker {
  public static final String MASKED = "masked";
  public static final String PSEUDONYMISED = "PII.pseudonymised";

  private final Map<String, MaskFunction> masks;

  /** @param masks functions by column name */
  public BatchMasker(Map<String, MaskFunction> masks) {
    this.masks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(masks));
  }

  public Map<String, MaskFunction> masks() {
    return masks;
  }

  /**
   * The schema after masking.
   *
   * @throws IllegalArgumentException when a masked column is missing or a mask does not fit its type
   */
  public Schema outputSchema(Schema input) {
    List<Column> out = new ArrayList<>(input.columns());
    masks.forEach((name, f) -> {
      int i = input.indexOf(name).orElseThrow(() -> new IllegalArgumentException(
          "cannot mask column '" + name + "': no such column in " + input.names()));
      Column c = input.column(i);
      io.cairn.spi.data.ColumnType type = typeOf(c, f);
      out.set(i, new Column(c.name(), type, true, tagsAfter(c.tags(), f)));
    });
    return Schema.of(out);
  }

  private static io.cairn.spi.data.ColumnType typeOf(Column c, MaskFunction f) {
    try {
      return f.outputType(c.type());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column '" + c.name() + "': " + e.getMessage(), e);
    }
  }

  /** The column lineage of masking, with the tags removed and added. */
  public List<ColumnDerivation> lineage(Schema input) {
    List<ColumnDerivation> out = new ArrayList<>();
    masks.forEach((name, f) -> input.indexOf(name).ifPresent(i -> {
      Set<String> before = input.column(i).tags();
      Set<String> after = tagsAfter(before, f);
      Set<String> removed = new TreeSet<>(before);
      removed.removeAll(after);
      Set<String> added = new TreeSet<>(after);
      added.removeAll(before);
      out.add(new ColumnDerivation(name, List.of(name), ColumnDerivation.Kind.MASKED, f.spec(), removed, added));
    }));
    return out;
  }

  /** The batch with every masked column's values replaced, and the output schema. */
  public Batch apply(Batch batch) {
    Schema in = batch.schema();
    Schema out = outputSchema(in);
    int[] idx = new int[masks.size()];
    MaskFunction[] fns = new MaskFunction[masks.size()];
    int k = 0;
    for (var e : masks.entrySet()) {
      idx[k] = in.require(e.getKey());
      fns[k++] = e.getValue();
    }
    List<Row> rows = new ArrayList<>(batch.size());
    for (Row r : batch.rows()) {
      Object[] v = r.values();
      for (int j = 0; j < idx.length; j++) {
        v[idx[j]] = fns[j].apply(v[idx[j]], r.subjectId());
      }
      rows.add(r.withValues(v));
    }
    return batch.with(out, rows);
  }

  static Set<String> tagsAfter(Set<String> tags, MaskFunction f) {
    Set<String> t = new TreeSet<>();
    for (String tag : tags) {
      String lower = tag.toLowerCase(java.util.Locale.ROOT);
      if (!lower.startsWith("pii") && !lower.startsWith("sensitive")) {
        t.add(tag);
      }
    }
    t.add(f.pseudonymises() ? PSEUDONYMISED : MASKED);
    return t;
  }
}
