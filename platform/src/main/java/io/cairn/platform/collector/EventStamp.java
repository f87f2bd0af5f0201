package io.cairn.platform.collector;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.platform.collector.wal.LogBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stamp of one request ({@link SegmentEvents#stamp}'s fields: the batch context's fields the event lacks, the
 * client's IP and user agent in {@code context}, messageId and timestamp when missing, receivedAt and the write
 * key's id), encoded once and spliced into each {@link RawEvent}'s bytes as received: the event's bytes up to the
 * closing brace of its {@code context}, the context additions, the rest of the event, the top-level additions,
 * the closing brace. Not thread-safe: one per request.
 */
final class EventStamp {
  /** The {@link #mark} of {@code context.ip}. */
  static final int IP = 1;
  /** The {@link #mark} of {@code context.userAgent}. */
  static final int USER_AGENT = 2;
  /** The {@link #mark} of {@code context.consent}. */
  static final int CONSENT = 4;
  /** The {@link #mark} of {@code context.tcf}. */
  static final int TCF = 8;
  private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();
  /** What opens a {@code context} added to an event that has none. */
  private static final byte[] NEW_CONTEXT = ",\"context\":{".getBytes(StandardCharsets.UTF_8);
  /** What comes before a generated messageId's value. */
  private static final byte[] MESSAGE_ID = concat(new byte[] {','}, field("messageId", new byte[0]));
  private final byte[] ip;
  private final byte[] userAgent;
  private final List<String> batchKeys = new ArrayList<>();
  private final List<byte[]> batchFields = new ArrayList<>();
  /** The {@link #mark}s of the batch context's keys. */
  private final int batchMarks;
  private final byte[] timestamp;
  private final byte[] tail;

  /**
   * @param batchContext the fields of the batch's {@code context} as they are in the body, by name
   */
  EventStamp(Map<String, byte[]> batchContext, RequestMeta meta, long writeKeyId, String receivedAt) {
    int marks = 0;
    for (Map.Entry<String, byte[]> f : batchContext.entrySet()) {
      batchKeys.add(f.getKey());
      batchFields.add(f.getValue());
      marks |= mark(f.getKey());
    }
    batchMarks = marks;
    ip = meta.ip() == null ? null : field("ip", quoted(meta.ip()));
    userAgent = meta.userAgent() == null ? null : field("userAgent", quoted(meta.userAgent()));
    timestamp = concat(",".getBytes(StandardCharsets.UTF_8), field("timestamp", quoted(receivedAt)));
    tail = (",\"receivedAt\":\"" + new String(QUOTE.quoteAsString(receivedAt)) + "\",\"writeKeyId\":" + writeKeyId)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** About the bytes a record grows by beyond the event as received: its header, key and stamp. */
  int extraBytes() {
    int n = 64 + timestamp.length + tail.length + (ip == null ? 0 : ip.length + 1)
        + (userAgent == null ? 0 : userAgent.length + 1);
    for (byte[] f : batchFields) {
      n += f.length + 1;
    }
    return n;
  }

  /** Whether the batch context has {@code ip} or {@code userAgent} as null (the tree path replaces those). */
  static boolean spliceable(ObjectNode batchContext) {
    return batchContext == null || !(batchContext.has("ip") && batchContext.get("ip").isNull()
        || batchContext.has("userAgent") && batchContext.get("userAgent").isNull());
  }

  /**
   * The bit that stands for a {@code context} key the stamp or the consent capture asks about ({@link #IP}, {@link
   * #USER_AGENT}, {@link #CONSENT}, {@link #TCF}), or 0 for any other key: a scan marks the keys an event's context
   * has once, so that they are not looked for by name in each event.
   */
  static int mark(String key) {
    return switch (key) {
      case "ip" -> IP;
      case "userAgent" -> USER_AGENT;
      case "consent" -> CONSENT;
      case "tcf" -> TCF;
      default -> 0;
    };
  }

  /**
   * Whether the stamped event's {@code context} has any of the keys of these {@link #mark}s (its own or the batch
   * context's).
   */
  boolean contextHas(RawEvent e, int marks) {
    return ((e.contextMarks() | batchMarks) & marks) != 0;
  }

  /**
   * Writes the stamped event into the current record.
   *
   * @param messageId a generated messageId to add, or null when the event has one
   */
  void write(byte[] body, RawEvent e, String messageId, LogBatch out) {
    int close = e.end() - 1;
    if (e.contextClose() >= 0) {
      out.write(body, e.start(), e.contextClose() - e.start());
      context(e, e.contextKeys().isEmpty(), out);
      out.write(body, e.contextClose(), close - e.contextClose());
    } else {
      out.write(body, e.start(), close - e.start());
      out.write(NEW_CONTEXT);
      context(e, true, out);
      out.write('}');
    }
    if (messageId != null) {
      out.write(MESSAGE_ID).write(quoted(messageId));
    }
    if (e.fields().get(EventFields.Field.TIMESTAMP) == null) {
      out.write(timestamp);
    }
    out.write(tail).write('}');
  }

  /** Writes the context's additions; {@code empty}: the context has no field yet, so no comma goes first. */
  private void context(RawEvent e, boolean empty, LogBatch out) {
    boolean first = empty;
    for (int i = 0; i < batchKeys.size(); i++) {
      if (!e.contextKeys().contains(batchKeys.get(i))) {
        first = add(batchFields.get(i), first, out);
      }
    }
    if (ip != null && !contextHas(e, IP)) {
      first = add(ip, first, out);
    }
    if (userAgent != null && !contextHas(e, USER_AGENT)) {
      add(userAgent, first, out);
    }
  }

  private static boolean add(byte[] field, boolean first, LogBatch out) {
    if (!first) {
      out.write(',');
    }
    out.write(field);
    return false;
  }

  private static byte[] field(String name, byte[] value) {
    return concat(("\"" + new String(QUOTE.quoteAsString(name)) + "\":").getBytes(StandardCharsets.UTF_8), value);
  }

  private static byte[] quoted(String s) {
    return concat(concat(new byte[] {'"'}, QUOTE.quoteAsUTF8(s)), new byte[] {'"'});
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
