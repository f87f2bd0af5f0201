package io.cairn.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventIdsTest {
  private static long id(String json) {
    return EventIds.id(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheTopLevelIdWhereverItIsAndRefusesWhatHasNone() {
    assertThat(id("{\"id\":42,\"user\":\"u1\"}")).isEqualTo(42);
    assertThat(id("{ \"user\" : \"u1\", \"nested\": {\"id\": 7, \"a\": [1, {\"id\": 8}]}, \"id\" : 1234567890123 }"))
        .isEqualTo(1234567890123L);
    assertThat(id("{\"user\":\"u1\",\"nested\":{\"id\":7}}")).isEqualTo(-1);
    assertThat(id("{\"id\":\"42\"}")).isEqualTo(-1);
    assertThat(id("[42]")).isEqualTo(-1);
    assertThat(id("not json")).isEqualTo(-1);
    assertThat(EventIds.id(null)).isEqualTo(-1);
  }
}
