package io.cairn.governance.masking;

import io.cairn.governance.keys.ManagedKey;
import io.cairn.spi.data.ColumnType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Moves dates and timestamps by a number of days between 1 and {@code maxDays}, forwards or backwards, derived
 * from the masking key and the row's subject: every date of one person moves by the same amount, so intervals
 * between that person's events survive, while the true dates cannot be recovered without the key.
 */
record DateShift(ManagedKey key, int maxDays) implements MaskFunction {
  DateShift {
    if (key == null) {
      throw new IllegalArgumentException("date shifting needs the masking key");
    }
    if (maxDays < 1 || maxDays > 3650) {
      throw new IllegalArgumentException("date_shift:<days> takes 1..3650 days");
    }
  }

  /** The shift in days for a subject: never zero. */
  long days(String subjectId) {
    byte[] h = key.hmac("date-shift", (subjectId == null ? "" : subjectId).getBytes(StandardCharsets.UTF_8));
    long n = Integer.toUnsignedLong(ByteBuffer.wrap(h).getInt()) % (2L * maxDays);
    return n < maxDays ? -(n + 1) : n - maxDays + 1;
  }

  @Override
  public Object apply(Object value, String subjectId) {
    return BasicMasks.onDates(value, d -> d.plusDays(days(subjectId)),
        i -> i.plus(Duration.ofDays(days(subjectId))));
  }

  @Override
  public ColumnType outputType(ColumnType input) {
    return BasicMasks.requireType(spec(), input, BasicMasks.DATES, null);
  }

  @Override
  public String spec() {
    return "date_shift:" + maxDays;
  }
}
