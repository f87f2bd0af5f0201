package io.cairn.platform.collector.wal;

import java.nio.charset.StandardCharsets;

/**
 * One record of the log: a key (the event's messageId) and a value (the stamped event as JSON).
 *
 * @param key the key, UTF-8, at most 32,767 bytes
 * @param value the value
 * @param next the position just after this record (the offset to resume from); 0 for entries not yet appended
 */
public record LogEntry(byte[] key, byte[] value, long next) {
  /** An entry to append. */
  public static LogEntry of(String key, byte[] value) {
    return new LogEntry(key.getBytes(StandardCharsets.UTF_8), value, 0);
  }

  /** The key as text. */
  public String keyString() {
    return new String(key, StandardCharsets.UTF_8);
  }

  int encodedSize() {
    return EventLog.HEADER + 2 + key.length + value.length;
  }
}
