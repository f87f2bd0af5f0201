package io.cairn.quality.rules;

import io.cairn.quality.data.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unique keys: a row whose key was already seen fails (the first occurrence goes on). Per batch by default;
 * with a window, the last {@code window} keys are remembered across batches (for streams). Keys with a
 * missing part are not checked.
 */
final class UniqueTest implements RowTest {
  private final String rule;
  private final List<String> keyColumns;
  private final int window;
  private int[] key;
  private Pass pass;
  private Set<Object> seen = new HashSet<>();

  UniqueTest(String rule, List<String> keyColumns, int window) {
    this.rule = rule;
    this.keyColumns = List.copyOf(keyColumns);
    this.window = window;
    if (window > 0) {
      seen = java.util.Collections.newSetFromMap(new LinkedHashMap<Object, Boolean>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
          return size() > UniqueTest.this.window;
        }
      });
    }
  }

  @Override
  public void prepare(Pass pass) {
    this.pass = pass;
    key = keyColumns.stream().mapToInt(c -> pass.column(rule, c)).toArray();
    if (window <= 0) {
      seen.clear();
    }
  }

  /** The row's key: the value itself for one column, a list for several; null when a part is missing. */
  private Object keyOf(Pass.Rec row) {
    if (key.length == 1) {
      Object v = row.values()[key[0]];
      return v == null ? null : Values.key(v);
    }
    List<Object> k = new ArrayList<>(key.length);
    for (int i : key) {
      if (row.values()[i] == null) {
        return null;
      }
      k.add(Values.key(row.values()[i]));
    }
    return k;
  }

  @Override
  public boolean passes(Pass.Rec row) {
    Object k = keyOf(row);
    if (k == null) {
      return true;
    }
    pass.uniqueChecked++;
    if (seen.add(k)) {
      return true;
    }
    pass.duplicates++;
    return false;
  }

  @Override
  public int column() {
    return key.length == 1 ? key[0] : -1;
  }

  @Override
  public String failure(Pass.Rec row) {
    Object k = keyOf(row);
    return "duplicate key " + keyColumns + " = " + (k instanceof List<?> l ? l : List.of(k))
        + (window > 0 ? " (seen in the last " + window + " keys)" : " (seen earlier in the batch)");
  }
}
