package io.cairn.governance.consent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Follows an insert-only table by its growing id. Ids are handed out at insert but become visible at commit,
 * so a poll may see id 12 before id 11 commits: ids skipped below the watermark are remembered as gaps and
 * asked for again until they appear or are older than {@code gapMillis} (a rolled-back insert never appears).
 * Not thread-safe: one poller.
 */
final class ChangeFeed<T> {
  /** Reads rows with an id above the watermark or among the gaps, by id, at most {@code limit}. */
  interface Source<T> {
    List<T> after(long watermark, Set<Long> gaps, int limit);
  }

  static final int PAGE = 50_000;
  private static final int MAX_GAPS = 10_000;

  private final Source<T> source;
  private final ToLongFunction<T> id;
  private final long gapMillis;
  private final Map<Long, Long> gaps = new HashMap<>();
  private long watermark;

  ChangeFeed(Source<T> source, ToLongFunction<T> id, long gapMillis) {
    this.source = source;
    this.id = id;
    this.gapMillis = gapMillis;
  }

  /** Every row not seen before, by id. */
  List<T> poll(long nowMillis) {
    gaps.values().removeIf(seen -> nowMillis - seen > gapMillis);
    List<T> all = new ArrayList<>();
    while (true) {
      List<T> page = source.after(watermark, Set.copyOf(gaps.keySet()), PAGE);
      for (T row : page) {
        long i = id.applyAsLong(row);
        if (gaps.remove(i) == null && i > watermark) {
          for (long missing = watermark + 1; missing < i && gaps.size() < MAX_GAPS; missing++) {
            gaps.put(missing, nowMillis);
          }
          watermark = i;
        }
      }
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
    }
  }

  long watermark() {
    return watermark;
  }
}
