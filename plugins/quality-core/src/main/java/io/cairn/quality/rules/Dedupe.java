package io.cairn.quality.rules;

import io.cairn.quality.data.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps one row per key in the batch, chosen by a survivorship rule: {@code most_recent} (the greatest
 * {@code orderBy} value; a later row wins a tie), {@code most_complete} (the most non-missing values; the
 * earlier row wins a tie), {@code first} or {@code last}. The survivor stays where the key first appeared;
 * the others leave the flow and are counted. Rows with a missing key part are kept.
 */
final class Dedupe implements Rule {
  enum Survivorship { MOST_RECENT, MOST_COMPLETE, FIRST, LAST }

  private final String name;
  private final List<String> key;
  private final Survivorship survivorship;
  private final String orderBy;

  Dedupe(String name, List<String> key, Survivorship survivorship, String orderBy) {
    this.name = name;
    this.key = List.copyOf(key);
    this.survivorship = survivorship;
    this.orderBy = orderBy;
  }

  @Override
  public boolean isCheck() {
    return false;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void apply(Pass pass) {
    int[] cols = key.stream().mapToInt(c -> pass.column(name, c)).toArray();
    int order = orderBy == null ? -1 : pass.column(name, orderBy);
    Map<List<Object>, Integer> survivors = new HashMap<>();
    List<Pass.Rec> kept = new ArrayList<>();
    for (Pass.Rec row : pass.rows) {
      Object[] k = Arrays.stream(cols).mapToObj(i -> row.values()[i]).toArray();
      if (Arrays.stream(k).anyMatch(Fill::missing)) {
        kept.add(row);
        continue;
      }
      List<Object> id = Arrays.stream(k).map(Values::key).toList();
      Integer at = survivors.get(id);
      if (at == null) {
        survivors.put(id, kept.size());
        kept.add(row);
      } else if (better(row, kept.get(at), order)) {
        kept.set(at, row);
      }
    }
    pass.duplicatesRemoved += pass.rows.size() - kept.size();
    pass.rows.clear();
    pass.rows.addAll(kept);
  }

  private boolean better(Pass.Rec candidate, Pass.Rec current, int order) {
    return switch (survivorship) {
      case FIRST -> false;
      case LAST -> true;
      case MOST_COMPLETE -> complete(candidate) > complete(current);
      case MOST_RECENT -> {
        Object a = candidate.values()[order];
        Object b = current.values()[order];
        yield b == null || a != null && Values.compare(a, b) >= 0;
      }
    };
  }

  private static long complete(Pass.Rec row) {
    return Arrays.stream(row.values()).filter(v -> !Fill.missing(v)).count();
  }
}
