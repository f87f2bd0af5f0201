package io.cairn.profiles.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Item-item recommendations beat a popularity baseline on held-out purchases with planted tastes. */
class ItemRecommenderTest {
  @Test
  void itemItemBeatsPopularityOnAHeldOutSplit() {
    Random r = new Random(9);
    Map<String, Set<String>> known = new HashMap<>();
    Map<String, Set<String>> heldOut = new HashMap<>();
    for (int p = 0; p < 600; p++) {
      int taste = p % 6;
      List<String> items = new ArrayList<>();
      while (items.size() < 8) {
        String item = "t" + taste + "-" + r.nextInt(15);
        if (!items.contains(item)) {
          items.add(item);
        }
      }
      items.add("bestseller-" + r.nextInt(3));
      java.util.Collections.shuffle(items, r);
      known.put("p" + p, new HashSet<>(items.subList(0, 6)));
      heldOut.put("p" + p, new HashSet<>(items.subList(6, items.size())));
    }
    ItemRecommender rec = ItemRecommender.train(known);
    double itemItem = ItemRecommender.precisionAtK(known, heldOut, 5, rec::recommend);
    double popularity = ItemRecommender.precisionAtK(known, heldOut, 5, rec::popular);
    System.out.printf(Locale.ROOT, "recommendations: precision@5 item-item %.3f, popularity %.3f%n", itemItem,
        popularity);
    assertThat(itemItem).isGreaterThan(popularity + 0.1);
    assertThat(rec.recommend(Set.of("t0-1", "t0-2"), 3)).hasSize(3).allMatch(i -> i.startsWith("t0-")
        || i.startsWith("bestseller"));
    assertThat(rec.recommend(Set.of("unknown"), 3)).isEmpty();
  }

  @Test
  void precisionNeedsHeldOutItems() {
    ItemRecommender rec = ItemRecommender.train(Map.of("a", Set.of("x", "y")));
    assertThat(rec.recommend(Set.of("x"), 5)).containsExactly("y");
    assertThat(rec.popular(Set.of("x"), 5)).containsExactly("y");
    assertThatThrownBy(() -> ItemRecommender.precisionAtK(Map.of(), Map.of("a", Set.of()), 5, rec::recommend))
        .hasMessageContaining("held-out items");
  }
}
