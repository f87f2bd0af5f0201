package io.cairn.profiles.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyIndexTest {
  @Test
  void agreesWithAHashMapThroughGrowthAndCollisions() {
    KeyIndex index = new KeyIndex();
    Map<String, Integer> expected = new HashMap<>();
    Random r = new Random(3);
    for (int i = 0; i < 200_000; i++) {
      // "Aa" and "BB" share a hash code, so keys built of them collide on purpose
      String key = r.nextInt(10) == 0 ? (r.nextBoolean() ? "Aa" : "BB") + (r.nextBoolean() ? "Aa" : "BB") + i % 50
          : Integer.toString(r.nextInt(150_000));
      Integer before = expected.putIfAbsent(key, i);
      assertThat(index.putIfAbsent(key, i)).as(key).isEqualTo(before == null ? KeyIndex.ABSENT : before);
    }
    assertThat(index.size()).isEqualTo(expected.size());
    expected.forEach((k, v) -> assertThat(index.get(k)).isEqualTo(v));
    assertThat(index.get("absent")).isEqualTo(KeyIndex.ABSENT);
    index.put("AaAa0", 7);
    assertThat(index.get("AaAa0")).isEqualTo(7);
    assertThat(index.size()).isEqualTo(expected.size());
    assertThatThrownBy(() -> index.putIfAbsent("x", -1)).hasMessageContaining("non-negative");
  }
}
