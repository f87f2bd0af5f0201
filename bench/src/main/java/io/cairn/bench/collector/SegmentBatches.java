package io.cairn.bench.collector;

import java.nio.charset.StandardCharsets;

/** Segment batches like analytics-java's: track events with properties and a library context. */
public final class SegmentBatches {
  private SegmentBatches() {}

  public static byte[] batch(int worker, int index, int events) {
    StringBuilder b = new StringBuilder(events * 400).append("{\"batch\":[");
    for (int i = 0; i < events; i++) {
      String id = worker + "-" + index + "-" + i;
      b.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"messageId\":\"bench-").append(id)
          .append("\",\"userId\":\"user-").append(worker * 1000 + i).append("\",\"event\":\"Product Viewed\",")
          .append("\"timestamp\":\"2026-11-24T10:00:00.000Z\",\"properties\":{\"productId\":\"p-").append(i)
          .append("\",\"price\":").append(10 + i % 90).append(".99,\"currency\":\"EUR\",\"category\":\"shoes\",")
          .append("\"position\":").append(i).append("},\"context\":{\"page\":{\"path\":\"/products/p-").append(i)
          .append("\"},\"locale\":\"en-GB\"}}");
    }
    return b.append("],\"context\":{\"library\":{\"name\":\"analytics-java\",\"version\":\"3.5.4\"}},")
        .append("\"sentAt\":\"2026-11-24T10:00:01.000Z\"}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
