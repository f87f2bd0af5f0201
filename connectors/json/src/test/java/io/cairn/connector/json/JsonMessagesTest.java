package io.cairn.connector.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMessagesTest {
  private static final ConfigDef DEF = ConfigDef.of(JsonMessages.sourceProperties().toArray(ConfigProperty[]::new));
  private static final Provenance AT = new Provenance(new DatasetRef("amqp://h:1", "q"), "7");

  private static JsonMessages codec(Map<String, String> config) {
    return JsonMessages.of(DEF.validate(config));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void declaredColumnsAreConvertedAndTheSubjectIsTaken() throws Exception {
    JsonMessages m = codec(Map.of("columns", "id:LONG, amount:DECIMAL,day:DATE,at:TIMESTAMP,ok:BOOLEAN,tags:JSON,"
        + "name", "subjectColumn", "id"));
    Row row = m.toRow(bytes("{\"id\":42,\"amount\":\"1.50\",\"day\":\"2024-05-01\",\"at\":\"2024-05-01T10:00:00+02:00\","
        + "\"ok\":true,\"tags\":[1,2],\"extra\":1}"), AT);
    assertThat(row.values()).containsExactly(42L, new BigDecimal("1.50"), LocalDate.of(2024, 5, 1),
        Instant.parse("2024-05-01T08:00:00Z"), true, "[1,2]", null);
    assertThat(row.subjectId()).isEqualTo("42");
    assertThat(row.provenance()).isEqualTo(AT);
    assertThat(m.schema().names()).containsExactly("id", "amount", "day", "at", "ok", "tags", "name");
  }

  @Test
  void withoutADeclarationTheFirstMessageGivesStringColumns() throws Exception {
    JsonMessages m = codec(Map.of());
    assertThat(m.schema().size()).isZero();
    Row first = m.toRow(bytes("{\"a\":1,\"b\":{\"x\":true}}"), AT);
    Row second = m.toRow(bytes("{\"b\":\"text\",\"c\":3}"), AT);
    assertThat(m.schema().names()).containsExactly("a", "b");
    assertThat(first.values()).containsExactly("1", "{\"x\":true}");
    assertThat(second.values()).containsExactly(null, "text");
    assertThat(second.subjectId()).isNull();
  }

  @Test
  void badMessagesAreRefusedWithAReason() {
    JsonMessages m = codec(Map.of("columns", "id:LONG,day:DATE"));
    assertThatThrownBy(() -> m.toRow(bytes("{\"id\":"), AT)).isInstanceOf(BadMessageException.class)
        .hasMessageStartingWith("invalid JSON: ");
    assertThatThrownBy(() -> m.toRow(bytes("[1]"), AT)).hasMessage("expected a JSON object, found array");
    assertThatThrownBy(() -> m.toRow(bytes("{\"id\":\"abc\"}"), AT))
        .hasMessage("column 'id': '\"abc\"' is not a LONG");
    assertThatThrownBy(() -> m.toRow(bytes("{\"id\":1,\"day\":\"May 1\"}"), AT))
        .hasMessage("column 'day': '\"May 1\"' is not a DATE");
    assertThatThrownBy(() -> m.toRow(bytes("{\"id\":true}"), AT)).hasMessage("column 'id': 'true' is not a LONG");
    assertThatThrownBy(() -> m.toRow(bytes("{\"id\":1,\"day\":20240101}"), AT))
        .hasMessage("column 'day': '20240101' is not a DATE");
    assertThatThrownBy(() -> m.toRow(bytes("{} {}"), AT)).hasMessageStartingWith("invalid JSON: ");
    assertThatThrownBy(() -> codec(Map.of()).toRow(bytes("{}"), AT))
        .hasMessage("an empty object gives no columns to infer");
  }

  /**
   * Messages that read alone one way must read the same way in a batch, where one parser reads many: whatever
   * their neighbours (a truncated object or string before a message, a message that would complete it), in every
   * order tried.
   */
  @Test
  void aBatchReadsEachMessageAsItReadsAlone() throws Exception {
    List<String> texts = List.of("{\"n\":1,\"s\":\"a\"}", "{\"n\":", "{\"n\":2,\"s\":\"b\"}", "{\"s\":\"abc",
        "def\",\"n\":3}", "{\"n\":4} 5", "\"text\"", "", "   ", "{\"n\":5,\"x\":{\"deep\":[1,{\"y\":2}]},\"tags\":"
        + "{\"k\":[1,2]},\"ok\":true}  \n", "\uFEFF{\"n\":6}", "{\"n\":\"seven\"}", "{\"n\":8,\"n\":9}",
        "{\"n\":10}{\"n\":11}", "[1,2]", "{\"n\":12,\"s\":\"caf\u00e9\"}", "{\"n\":99999999999999999999}",
        "{\"n\":13,\"tags\":[1,", "{\"n\":14}");
    List<byte[]> messages = new ArrayList<>(texts.stream().map(JsonMessagesTest::bytes).toList());
    messages.add("\uFEFF{\"n\":15}".getBytes(StandardCharsets.UTF_16BE)); // a parser over it reads characters
    Map<String, String> config = Map.of("columns", "n:LONG,s,tags:JSON,ok:BOOLEAN", "subjectColumn", "s");
    for (int shift = 0; shift < messages.size(); shift++) {
      List<byte[]> order = new ArrayList<>(messages.subList(shift, messages.size()));
      order.addAll(messages.subList(0, shift));
      for (List<byte[]> batch : List.of(order, order.reversed())) {
        List<String> alone = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
          try {
            Row row = codec(config).toRow(batch.get(i), new Provenance(AT.dataset(), "" + i));
            alone.add(row + " of " + row.subjectId());
          } catch (BadMessageException e) {
            alone.add("quarantined " + i + ": " + e.getMessage());
          }
        }
        List<String> together = new ArrayList<>();
        FakeTaskContext context = new FakeTaskContext("r", Path.of("."));
        Batch read = codec(config).toBatch(batch,
            java.util.stream.IntStream.range(0, batch.size()).mapToObj(i -> "" + i).toList(), AT.dataset(),
            context, "end");
        List<String> quarantined = context.quarantined().stream()
            .map(q -> "quarantined " + q.where().offset() + ": " + q.reason()).toList();
        java.util.Iterator<Row> rows = read.rows().iterator();
        java.util.Iterator<String> bad = quarantined.iterator();
        for (String expected : alone) {
          Row row = expected.startsWith("quarantined") ? null : rows.next();
          together.add(row == null ? bad.next() : row + " of " + row.subjectId());
        }
        assertThat(together).isEqualTo(alone);
        assertThat(read.size()).isEqualTo(8);
        assertThat(quarantined).hasSize(messages.size() - 8);
      }
    }
    String large = "x".repeat(600_000); // two of them pass the bytes read with one parser: each is read alone
    FakeTaskContext context = new FakeTaskContext("r", Path.of("."));
    Batch read = codec(config).toBatch(List.of(bytes("{\"n\":1,\"s\":\"" + large + "\"}"), bytes("{\"n\":"),
        bytes("{\"n\":2,\"s\":\"" + large + "\"}")), List.of("0", "1", "2"), AT.dataset(), context, "end");
    assertThat(read.rows()).extracting(r -> r.get(0), r -> r.subjectId().length()).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1L, 600_000), org.assertj.core.groups.Tuple.tuple(2L, 600_000));
    assertThat(context.quarantined()).extracting(q -> q.where().offset()).containsExactly("1");
  }

  @Test
  void badDeclarationsAreConfigProblems() {
    assertThatThrownBy(() -> codec(Map.of("columns", "id:NUMBER"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'id:NUMBER' is not name:TYPE");
    assertThatThrownBy(() -> codec(Map.of("columns", "id,id"))).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> codec(Map.of("columns", "id", "subjectColumn", "user")))
        .hasMessageContaining("no column 'user' in [id]");
  }

  @Test
  void rowsBecomeJsonThatReadsBackToTheSameValues() throws Exception {
    JsonMessages m = codec(Map.of("columns", "id:LONG,amount:DECIMAL,day:DATE,at:TIMESTAMP,ok:BOOLEAN,tags:JSON,"
        + "name,score:DOUBLE"));
    Row row = m.toRow(bytes("{\"id\":1,\"amount\":2.10,\"day\":\"2024-01-02\",\"at\":\"2024-01-02T03:04:05Z\","
        + "\"ok\":false,\"tags\":{\"a\":[1]},\"name\":\"Zoë\",\"score\":0.5}"), AT);
    String json = new String(JsonMessages.toJson(m.schema(), row), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"id\":1,\"amount\":2.10,\"day\":\"2024-01-02\",\"at\":\"2024-01-02T03:04:05Z\","
        + "\"ok\":false,\"tags\":{\"a\":[1]},\"name\":\"Zoë\",\"score\":0.5}");
    assertThat(m.toRow(bytes(json), AT)).isEqualTo(row);
    Row nulls = row.withValues(new Object[8]);
    assertThat(new String(JsonMessages.toJson(m.schema(), nulls), StandardCharsets.UTF_8)).startsWith("{\"id\":null,");
  }

  @Test
  void declaredColumnsReadTheSameWhateverSurroundsThemAndTheLastRepeatWins() throws Exception {
    JsonMessages m = codec(Map.of("columns", "id:LONG,big:DECIMAL,doc:JSON,name", "subjectColumn", "name"));
    Row row = m.toRow(bytes("{\"skip\":{\"deep\":[1,{\"x\":[]}],\"s\":\"}\"},\"id\":1,\"big\":12345678901234567890.10,"
        + "\"doc\":{\"a\":[1,2.50,null]},\"name\":{\"first\":\"Ann\"},\"id\":9007199254740993,\"after\":[[]]}"), AT);
    assertThat(row.values()).containsExactly(9007199254740993L, new BigDecimal("12345678901234567890.10"),
        "{\"a\":[1,2.50,null]}", "{\"first\":\"Ann\"}");
    assertThat(row.subjectId()).isEqualTo("{\"first\":\"Ann\"}");
    assertThat(m.toRow(bytes("{\"id\":2}"), AT).values()).containsExactly(2L, null, null, null);
    assertThatThrownBy(() -> m.toRow(bytes("{\"id\":1} []"), AT)).hasMessageStartingWith("invalid JSON: ");
    assertThatThrownBy(() -> m.toRow(bytes("\"text\""), AT)).hasMessage("expected a JSON object, found string");
    assertThatThrownBy(() -> m.toRow(bytes("{\"id\":18446744073709551616}"), AT))
        .hasMessage("column 'id': '18446744073709551616' is not a LONG");
    assertThatThrownBy(() -> m.toRow(bytes("{\"skip\":[1,}"), AT)).hasMessageStartingWith("invalid JSON: ");
  }

  @Test
  void streamedScalarsGiveTheValuesTheTreeGives() throws Exception {
    JsonMessages m = codec(Map.of("columns", "id:LONG,name,ok:BOOLEAN,n:LONG,s,flag:BOOLEAN,big:LONG,when:TIMESTAMP",
        "subjectColumn", "name"));
    // unicode (escaped and raw), nulls, numbers and booleans given to columns of other types, nested values
    Row row = m.toRow(bytes("{\"id\":-7,\"name\":\"Zo\\u00eb \u6771\u4eac \\ud83d\\ude00\",\"ok\":null,\"n\":\" 12 \","
        + "\"s\":{\"k\":[1,\"\u00e9\",null]},\"flag\":\"TRUE\",\"big\":9223372036854775807,\"when\":1700000000000}"), AT);
    assertThat(row.values()).containsExactly(-7L, "Zo\u00eb \u6771\u4eac \ud83d\ude00", null, 12L,
        "{\"k\":[1,\"\u00e9\",null]}", true, Long.MAX_VALUE, Instant.ofEpochMilli(1700000000000L));
    assertThat(row.subjectId()).isEqualTo("Zo\u00eb \u6771\u4eac \ud83d\ude00");
    // scalars of other JSON types in a STRING column keep the tree's text
    Row texts = m.toRow(bytes("{\"s\":12,\"name\":true,\"id\":null,\"ok\":false,\"flag\":true}"), AT);
    assertThat(texts.values()).containsExactly(null, "true", false, null, "12", true, null, null);
    // a repeated field: the last wins whether the earlier one was read directly or as a tree
    assertThat(m.toRow(bytes("{\"id\":\"5\",\"id\":6}"), AT).get(0)).isEqualTo(6L);
    assertThat(m.toRow(bytes("{\"id\":6,\"id\":\"5\"}"), AT).get(0)).isEqualTo(5L);
    assertThat(m.toRow(bytes("{\"id\":\"x\",\"id\":6}"), AT).get(0)).isEqualTo(6L);
    assertThat(m.toRow(bytes("{\"id\":6,\"id\":null}"), AT).get(0)).isNull();
    // the first column in schema order that does not convert is named, wherever it stands in the message
    assertThatThrownBy(() -> m.toRow(bytes("{\"flag\":\"maybe\",\"id\":1.5}"), AT))
        .hasMessage("column 'id': '1.5' is not a LONG");
    assertThatThrownBy(() -> m.toRow(bytes("{\"big\":9223372036854775808}"), AT))
        .hasMessage("column 'big': '9223372036854775808' is not a LONG");
    assertThatThrownBy(() -> m.toRow(bytes("{\"ok\":1}"), AT)).hasMessage("column 'ok': '1' is not a BOOLEAN");
    assertThatThrownBy(() -> m.toRow(bytes("{\"id\":1,\"name\":\"a\""), AT))
        .hasMessageStartingWith("invalid JSON: ");
    assertThatThrownBy(() -> m.toRow(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'}, AT))
        .hasMessageStartingWith("invalid JSON: ");
  }

  @Test
  void aRowWriterWritesWhatToJsonWritesRowAfterRowAndAcrossSchemas() throws Exception {
    JsonMessages a = codec(Map.of("columns", "id:LONG,name,tags:JSON,at:TIMESTAMP,ok:BOOLEAN"));
    JsonMessages b = codec(Map.of("columns", "x:DOUBLE,y:DECIMAL"));
    JsonRowWriter writer = new JsonRowWriter();
    Row first = a.toRow(bytes("{\"id\":1,\"name\":\"\u6771 \\\"q\\\"\",\"tags\":[1,{\"z\":null}],\"at\":\"2024-01-02T03:04:05Z\","
        + "\"ok\":true}"), AT);
    Row second = a.toRow(bytes("{\"id\":2,\"tags\":\"not json {\"}"), AT);
    Row other = b.toRow(bytes("{\"x\":0.25,\"y\":-1.50}"), AT);
    for (int round = 0; round < 2; round++) {
      for (Row r : new Row[] {first, second}) {
        byte[] json = writer.write(a.schema(), r);
        assertThat(json).isEqualTo(JsonMessages.toJson(a.schema(), r));
        assertThat(a.toRow(json, AT).values()).isEqualTo(r.values());
      }
      assertThat(new String(writer.write(b.schema(), other), StandardCharsets.UTF_8))
          .isEqualTo("{\"x\":0.25,\"y\":-1.50}");
    }
    assertThat(new String(writer.write(a.schema(), first), StandardCharsets.UTF_8)).isEqualTo(
        "{\"id\":1,\"name\":\"\u6771 \\\"q\\\"\",\"tags\":[1,{\"z\":null}],\"at\":\"2024-01-02T03:04:05Z\",\"ok\":true}");
    assertThat(new String(writer.write(a.schema(), second), StandardCharsets.UTF_8)).isEqualTo(
        "{\"id\":2,\"name\":null,\"tags\":\"not json {\",\"at\":null,\"ok\":null}");
  }

  @Test
  void aRowThatDoesNotFitItsSchemaFailsAndTheWriterWritesTheNextRowWhole() {
    JsonMessages a = codec(Map.of("columns", "id:LONG,name"));
    JsonRowWriter writer = new JsonRowWriter();
    Row short1 = new Row(new Object[] {1L}, null, AT);
    assertThatThrownBy(() -> writer.write(a.schema(), short1)).isInstanceOf(IndexOutOfBoundsException.class);
    Row ok = new Row(new Object[] {2L, "b"}, null, AT);
    assertThat(new String(writer.write(a.schema(), ok), StandardCharsets.UTF_8)).isEqualTo("{\"id\":2,\"name\":\"b\"}");
  }

  @Test
  void plainRowsAreWrittenWithTheSameBytesAsJacksonWritesThemWhateverTheirValues() throws Exception {
    Schema schema = Schema.of(Column.of("id", ColumnType.LONG), Column.of("n", ColumnType.LONG),
        Column.of("s", ColumnType.STRING), Column.of("na\"me \u00e9", ColumnType.STRING),
        Column.of("ok", ColumnType.BOOLEAN));
    Object[] longs = {0L, -1L, 7L, 10L, 99L, 100L, Long.MAX_VALUE, Long.MIN_VALUE, -1234567890123L, null, 5, -5,
        Integer.MIN_VALUE, Integer.MAX_VALUE};
    Object[] strings = {"", "plain", "/products/12", "q\"uote", "back\\slash", "tab\there", "\u007f", "\u00e9t\u00e9",
        "\u6771", "\ud83d\ude00", "~ !#$%&'()*+,-.:;<=>?@[]^_`{|}", null, 3L, true};
    Object[] flags = {true, false, null, "yes"};
    JsonRowWriter writer = new JsonRowWriter();
    java.util.Random random = new java.util.Random(6);
    for (int k = 0; k < 2000; k++) {
      Object[] values = {longs[random.nextInt(longs.length)], longs[random.nextInt(longs.length)],
          strings[random.nextInt(strings.length)], strings[random.nextInt(strings.length)],
          flags[random.nextInt(flags.length)]};
      Map<String, Object> expected = new java.util.LinkedHashMap<>();
      for (int c = 0; c < values.length; c++) {
        expected.put(schema.column(c).name(), values[c]);
      }
      byte[] written = writer.write(schema, new Row(values, null, AT));
      assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(
          new String(JsonMessages.MAPPER.writeValueAsBytes(expected), StandardCharsets.UTF_8));
    }
  }
}
