package io.cairn.connector.kafka;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The source offset: for each partition the position after the last record handed out, written
 * {@code topic:partition=next,...} (topic names cannot hold {@code :}, {@code =} or {@code ,}).
 */
final class Positions {
  private Positions() {}

  static String encode(Map<TopicPartition, Long> positions) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(toText(positions)).forEach((tp, next) ->
        sb.append(sb.isEmpty() ? "" : ",").append(tp).append('=').append(next));
    return sb.toString();
  }

  /**
   * Parses an offset; empty for null or blank.
   *
   * @throws IllegalArgumentException when it is not one this source wrote
   */
  static Map<TopicPartition, Long> decode(String offset) {
    Map<TopicPartition, Long> positions = new java.util.HashMap<>();
    if (offset == null || offset.isBlank()) {
      return positions;
    }
    for (String entry : offset.split(",")) {
      int colon = entry.lastIndexOf(':');
      int eq = entry.indexOf('=', colon);
      if (colon <= 0 || eq < 0) {
        throw new IllegalArgumentException("'" + offset + "' is not a Kafka source offset (topic:partition=next)");
      }
      positions.put(new TopicPartition(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1, eq))),
          Long.parseLong(entry.substring(eq + 1)));
    }
    return positions;
  }

  private static Map<String, Long> toText(Map<TopicPartition, Long> positions) {
    Map<String, Long> text = new TreeMap<>();
    positions.forEach((tp, next) -> text.put(tp.topic() + ":" + tp.partition(), next));
    return text;
  }
}
