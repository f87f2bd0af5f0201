package io.cairn.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpiTest {
  private static final ConfigDef DEF = ConfigDef.of(
      ConfigProperty.builder("url", ConfigType.STRING).required().description("JDBC URL").build(),
      ConfigProperty.builder("password", ConfigType.STRING).secret().build(),
      ConfigProperty.builder("batchSize", ConfigType.INT).defaultValue("500").build(),
      ConfigProperty.builder("mode", ConfigType.ENUM).choices("insert", "upsert").defaultValue("insert").build());

  @Test
  void validConfigIsTypedAndDefaulted() {
    Config c = DEF.validate(Map.of("url", "jdbc:h2:mem:x", "password", "s3cret", "mode", "upsert"));
    assertThat(c.integer("batchSize")).isEqualTo(500);
    assertThat(c.string("mode")).isEqualTo("upsert");
    assertThat(c.toString()).contains("password=******").doesNotContain("s3cret");
    assertThat(DEF.secretNames()).containsExactly("password");
  }

  @Test
  void invalidConfigListsEveryProblem() {
    assertThatThrownBy(() -> DEF.validate(Map.of("batchSize", "many", "mode", "merge", "colour", "red")))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(4))
        .hasMessageContaining("'url' is required")
        .hasMessageContaining("'batchSize' must be a int number")
        .hasMessageContaining("'mode' must be one of [insert, upsert]")
        .hasMessageContaining("unknown property 'colour'");
  }

  @Test
  void batchRejectsRowsThatDoNotFitTheSchema() {
    Schema s = Schema.of(Column.of("id", ColumnType.LONG), Column.of("email", ColumnType.STRING));
    Provenance p = new Provenance(new DatasetRef("file", "/tmp/a.csv"), "1");
    assertThatThrownBy(() -> Batch.of(s, List.of(new Row(new Object[] {1L}, "s1", p)), null))
        .hasMessageContaining("row has 1 values but the schema has 2 columns");
    Batch b = Batch.of(s, List.of(new Row(new Object[] {1L, "a@b.c"}, "s1", p)), "7");
    assertThat(b.filter(r -> false).sourceOffset()).isEqualTo("7");
    assertThat(s.require("email")).isEqualTo(1);
    assertThatThrownBy(() -> s.require("phone")).hasMessageContaining("[id, email]");
  }

  @Test
  void rowsAreImmutable() {
    Provenance p = new Provenance(new DatasetRef("file", "x"), "0");
    Object[] values = {"a"};
    Row r = new Row(values, null, p);
    values[0] = "b";
    r.values()[0] = "c";
    assertThat(r.get(0)).isEqualTo("a");
    assertThat(r.with(0, "d").get(0)).isEqualTo("d");
  }

  @Test
  void spiVersionAndPurposesAreChecked() {
    assertThat(CairnSpi.VERSION).matches("\\d+\\.\\d+\\.\\d+");
    assertThatThrownBy(() -> new Purpose("Email Marketing")).hasMessageContaining("lower-case");
    assertThatThrownBy(() -> Schema.of(Column.of("a", ColumnType.LONG), Column.of("a", ColumnType.STRING)))
        .hasMessageContaining("appears twice");
  }
}
