package io.cairn.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.spi.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileConfigTest {
  private final FileSourceConnector source = new FileSourceConnector();
  private final FileSinkConnector sink = new FileSinkConnector();

  private void create(Map<String, String> config) {
    source.createTask(source.configDef().validate(config));
  }

  @Test
  void theConnectorsAreNamedFileAndDescribeEveryProperty() {
    assertThat(source.name()).isEqualTo("file");
    assertThat(sink.name()).isEqualTo("file");
    assertThat(source.configDef().properties()).extracting(p -> p.name())
        .containsExactly("path", "format", "glob", "columns", "subjectColumn", "delimiter", "header");
    assertThat(sink.configDef().properties()).extracting(p -> p.name())
        .containsExactly("path", "format", "fileName", "delimiter", "header");
    assertThat(source.configDef().properties()).allMatch(p -> !p.description().isBlank());
    assertThat(sink.configDef().properties()).allMatch(p -> !p.description().isBlank());
  }

  @Test
  void aMissingPathAndABadFormatAreBothReported() {
    assertThatThrownBy(() -> create(Map.of("format", "xml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'path' is required")
        .hasMessageContaining("'format' must be one of [csv, jsonl]");
  }

  @Test
  void crossPropertyProblemsAreConfigExceptions() {
    assertThatThrownBy(() -> create(Map.of("path", "/data/in")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("property 'format' is required");
    assertThatThrownBy(() -> create(Map.of("path", "/data/a.csv", "columns", "id:INTEGER")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'id:INTEGER' has an unknown type");
    assertThatThrownBy(() -> create(Map.of("path", "/data/a.csv", "columns", "id:LONG", "subjectColumn", "email")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'email' is not among the declared columns");
    assertThatThrownBy(() -> create(Map.of("path", "/data/a.csv", "header", "false")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'columns' is required");
    assertThatThrownBy(() -> create(Map.of("path", "/data/a.csv", "delimiter", "::")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'delimiter' must be one character");
    assertThatThrownBy(() -> sink.createTask(sink.configDef().validate(Map.of("path", "/o", "fileName", "../x"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("plain file name");
  }

  @Test
  void theFormatComesFromTheExtensionOfTheFileOrTheGlob() {
    assertThat(SourceSettings.of(source.configDef().validate(Map.of("path", "/d/x.NDJSON"))).format())
        .isEqualTo(FileFormat.JSONL);
    assertThat(SourceSettings.of(source.configDef().validate(Map.of("path", "/d.v2/in", "glob", "*.csv"))).format())
        .isEqualTo(FileFormat.CSV);
    assertThat(SinkSettings.of(sink.configDef().validate(Map.of("path", "/o"))).fileName("r1"))
        .isEqualTo("part-r1.csv");
  }

  @Test
  void textConvertsToEachColumnType() {
    assertThat(Values.parse("2024-01-01 10:00:00", io.cairn.spi.data.ColumnType.TIMESTAMP))
        .isEqualTo(java.time.Instant.parse("2024-01-01T10:00:00Z"));
    assertThat(Values.parse(" 42 ", io.cairn.spi.data.ColumnType.LONG)).isEqualTo(42L);
    assertThatThrownBy(() -> Values.parse("2024-02-30", io.cairn.spi.data.ColumnType.DATE))
        .hasMessage("'2024-02-30' is not a DATE (ISO yyyy-MM-dd)");
    assertThatThrownBy(() -> Values.parse("{oops", io.cairn.spi.data.ColumnType.JSON))
        .hasMessage("'{oops' is not a JSON");
  }
}
