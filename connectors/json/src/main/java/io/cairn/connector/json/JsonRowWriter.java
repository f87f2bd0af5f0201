package io.cairn.connector.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Writes rows as JSON objects named by the schema's columns (see {@link JsonMessages#toJson}), reusing one
 * generator, its buffer and the encoded column names of the last schema from row to row. A row whose values are
 * all nulls, longs, ints, booleans and strings of printable ASCII without a quote or backslash (the common
 * event) is written straight into a reused buffer, with the same bytes as the generator writes; any other row
 * goes through the generator. Not thread-safe: one instance per writing thread.
 */
public final class JsonRowWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
  private JsonGenerator generator;
  private Schema schema;
  private SerializedString[] names;
  private boolean[] json;
  /** Per column: the bytes before its value, {@code "name":} (after a comma but for the first). */
  private byte[][] prefixes;
  private byte[] buffer = new byte[256];

  public JsonRowWriter() {
    generator = generator();
  }

  private JsonGenerator generator() {
    try {
      JsonGenerator g = JsonMessages.MAPPER.createGenerator(out);
      g.setRootValueSeparator(null);
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A row as a JSON object: numbers and booleans as JSON numbers and booleans, dates and instants as ISO text, a
   * JSON column embedded as JSON, nulls as null.
   */
  public byte[] write(Schema s, Row row) {
    if (s != schema) {
      use(s);
    }
    byte[] plain = plain(row);
    if (plain != null) {
      return plain;
    }
    JsonGenerator g = generator;
    boolean written = false;
    try {
      g.writeStartObject();
      for (int i = 0; i < names.length; i++) {
        g.writeFieldName(names[i]);
        boolean embedded = json[i];
        switch (row.get(i)) {
          case null -> g.writeNull();
          case String v when embedded -> g.writeTree(JsonMessages.embedded(v));
          case String v -> g.writeString(v);
          case Long l -> g.writeNumber(l);
          case Integer n -> g.writeNumber(n);
          case Double d -> g.writeNumber(d);
          case BigDecimal d -> g.writeNumber(d);
          case Boolean b -> g.writeBoolean(b);
          case Object v -> g.writeString(v.toString());
        }
      }
      g.writeEndObject();
      g.flush();
      written = true;
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("a row did not serialize as JSON", e);
    } finally {
      out.reset();
      if (!written) {
        generator = generator(); // the failed row left the generator inside its object
      }
    }
  }

  /** The row written directly, or null when one of its values needs the generator. */
  private byte[] plain(Row row) {
    byte[] b = buffer;
    int n = 0;
    b[n++] = '{';
    for (int i = 0; i < prefixes.length; i++) {
      Object value = row.get(i);
      byte[] prefix = prefixes[i];
      int room = prefix.length + 1 + switch (value) {
        case null -> 4;
        case String v -> v.length() + 2;
        case Long l -> 20;
        case Integer v -> 11;
        case Boolean v -> 5;
        default -> -1;
      };
      if (room <= prefix.length || json[i] && value != null) {
        return null;
      }
      if (n + room > b.length) {
        b = buffer = Arrays.copyOf(b, Math.max(2 * b.length, n + room));
      }
      System.arraycopy(prefix, 0, b, n, prefix.length);
      n += prefix.length;
      n = switch (value) {
        case null -> ascii(b, n, "null");
        case String v -> string(b, n, v);
        case Long l -> l == Long.MIN_VALUE ? -1 : digits(b, n, l);
        case Integer v -> digits(b, n, v);
        case Boolean v -> ascii(b, n, v ? "true" : "false");
        default -> -1;
      };
      if (n < 0) {
        return null;
      }
    }
    b[n++] = '}';
    return Arrays.copyOf(b, n);
  }

  private static int ascii(byte[] b, int n, String text) {
    for (int i = 0; i < text.length(); i++) {
      b[n++] = (byte) text.charAt(i);
    }
    return n;
  }

  /** A quoted string of printable ASCII needing no escape; -1 for any other string. */
  private static int string(byte[] b, int n, String v) {
    b[n++] = '"';
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        return -1;
      }
      b[n++] = (byte) c;
    }
    b[n++] = '"';
    return n;
  }

  /** A long's decimal digits, as {@link Long#toString(long)}; not for {@link Long#MIN_VALUE}. */
  private static int digits(byte[] b, int n, long v) {
    if (v < 0) {
      b[n++] = '-';
      v = -v;
    }
    int end = n + 1;
    for (long bound = 10; end - n < 19 && v >= bound; bound *= 10) { // 19: Long.MAX_VALUE's digits
      end++;
    }
    for (int at = end - 1; at >= n; at--) {
      long rest = v / 10;
      b[at] = (byte) ('0' + (v - rest * 10));
      v = rest;
    }
    return end;
  }

  private void use(Schema s) {
    names = new SerializedString[s.size()];
    json = new boolean[s.size()];
    prefixes = new byte[s.size()][];
    for (int i = 0; i < names.length; i++) {
      Column c = s.column(i);
      names[i] = new SerializedString(c.name());
      json[i] = c.type() == ColumnType.JSON;
      byte[] quoted = names[i].asQuotedUTF8();
      int comma = i == 0 ? 0 : 1;
      byte[] prefix = new byte[comma + quoted.length + 3];
      prefix[0] = ',';
      prefix[comma] = '"';
      System.arraycopy(quoted, 0, prefix, comma + 1, quoted.length);
      prefix[comma + 1 + quoted.length] = '"';
      prefix[comma + 2 + quoted.length] = ':';
      prefixes[i] = prefix;
    }
    schema = s;
  }
}
