package io.cairn.connector.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
}
