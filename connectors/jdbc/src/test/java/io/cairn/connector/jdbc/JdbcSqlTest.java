package io.cairn.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.spi.config.ConfigException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the connector generates and decides without a database. */
class JdbcSqlTest {
  @Test
  void upsertsAreWrittenInEachDatabasesDialectWithQuotedNames() {
    List<String> cols = List.of("id", "na\"me", "v`al");
    assertThat(Dialect.POSTGRESQL.upsert("\"t\"", cols, List.of("id"))).isEqualTo(
        "INSERT INTO \"t\" (\"id\", \"na\"\"me\", \"v`al\") VALUES (?, ?, ?) ON CONFLICT (\"id\") DO UPDATE SET "
            + "\"na\"\"me\" = EXCLUDED.\"na\"\"me\", \"v`al\" = EXCLUDED.\"v`al\"");
    assertThat(Dialect.MARIADB.upsert("`t`", cols, List.of("id"))).isEqualTo(
        "INSERT INTO `t` (`id`, `na\"me`, `v``al`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE "
            + "`na\"me` = VALUES(`na\"me`), `v``al` = VALUES(`v``al`)");
    assertThat(Dialect.H2.upsert("\"t\"", cols, List.of("id"))).isEqualTo(
        "MERGE INTO \"t\" (\"id\", \"na\"\"me\", \"v`al\") KEY (\"id\") VALUES (?, ?, ?)");
    assertThat(Dialect.POSTGRESQL.upsert("t", List.of("id"), List.of("id"))).endsWith("DO NOTHING");
  }

  @Test
  void postgresUrlsGetBatchedInsertRewriting() {
    assertThat(Dialect.POSTGRESQL.effectiveUrl("jdbc:postgresql://h/db")).isEqualTo(
        "jdbc:postgresql://h/db?reWriteBatchedInserts=true");
    assertThat(Dialect.POSTGRESQL.effectiveUrl("jdbc:postgresql://h/db?ssl=true")).endsWith(
        "?ssl=true&reWriteBatchedInserts=true");
    assertThat(Dialect.POSTGRESQL.effectiveUrl("jdbc:postgresql://h/db?reWriteBatchedInserts=false")).endsWith(
        "=false");
    assertThat(Dialect.MARIADB.effectiveUrl("jdbc:mysql://h/db")).isEqualTo("jdbc:mysql://h/db?permitMysqlScheme");
    assertThat(Dialect.of("jdbc:mysql://h/db")).isEqualTo(Dialect.MARIADB);
  }

  @Test
  void datasetsAreNamedAsOpenLineageNamesThem() {
    assertThat(DatasetNames.namespace(Dialect.POSTGRESQL, "jdbc:postgresql://db.example/shop?user=x"))
        .isEqualTo("postgres://db.example:5432");
    assertThat(DatasetNames.namespace(Dialect.MARIADB, "jdbc:mariadb://u:p@10.0.0.1:3307,10.0.0.2/shop"))
        .isEqualTo("mysql://10.0.0.1:3307");
    assertThat(DatasetNames.namespace(Dialect.H2, "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEqualTo("h2:mem:test");
    assertThat(DatasetNames.namespace(Dialect.H2, "jdbc:h2:file:/var/cairn/db")).isEqualTo("h2:/var/cairn/db");
    assertThat(DatasetNames.firstTable("select extract(year from o.at) y from sales.orders o join x", Dialect.H2))
        .contains(new TableName(null, "sales", "orders"));
    assertThat(DatasetNames.firstTable("SELECT * FROM (SELECT id FROM \"Orders\") q", Dialect.POSTGRESQL))
        .contains(new TableName(null, null, "Orders"));
    assertThat(DatasetNames.firstTable("SELECT 1", Dialect.POSTGRESQL)).isEmpty();
    assertThat(TableName.parse("shop.orders", Dialect.MARIADB)).isEqualTo(new TableName("shop", null, "orders"));
  }

  @Test
  void watermarkOffsetsRoundTripAndHoldBackWhileATieMayContinue() {
    for (Watermark w : List.of(new Watermark(Watermark.Kind.LONG, 42L),
        new Watermark(Watermark.Kind.DECIMAL, new BigDecimal("1E+3")),
        new Watermark(Watermark.Kind.STRING, "a:b"),
        new Watermark(Watermark.Kind.TIMESTAMPTZ, Instant.parse("2024-01-01T00:00:00.000001Z")))) {
      assertThat(Watermark.decode(w.encode())).isEqualTo(w.kind() == Watermark.Kind.DECIMAL
          ? new Watermark(w.kind(), new BigDecimal("1000")) : w);
    }
    assertThatThrownBy(() -> Watermark.decode("17")).hasMessageContaining("is not <KIND>:<watermark>");

    WatermarkTracker tracker = new WatermarkTracker(0, Watermark.Kind.LONG, Watermark.decode("LONG:0"));
    assertThat(tracker.see(new Object[] {5L})).isEqualTo("LONG:5");
    assertThat(tracker.safeOffset(new Object[] {5L})).isEqualTo("LONG:0");
    tracker.see(new Object[] {5L});
    assertThat(tracker.safeOffset(new Object[] {6L})).isEqualTo("LONG:5");
    tracker.see(new Object[] {6L});
    assertThat(tracker.safeOffset(null)).isEqualTo("LONG:6");
  }

  @Test
  void rowErrorsAreToldFromSystemErrors() {
    assertThat(SqlErrors.isRowError(new SQLException("dup", "23505"))).isTrue();
    assertThat(SqlErrors.isRowError(new SQLException("bad int", "HY000"))).isTrue();
    assertThat(SqlErrors.isRowError(new SQLException("no table", "42P01"))).isFalse();
    assertThat(SqlErrors.isRowError(new SQLException("gone", "08006"))).isFalse();
    assertThat(SqlErrors.isRowError(new SQLException("deadlock", "40P01"))).isFalse();
    assertThat(SqlErrors.isRowError(new SQLException("unknown"))).isFalse();
  }

  @Test
  void configurationIsCheckedAcrossProperties() {
    JdbcSourceConnector source = new JdbcSourceConnector();
    JdbcSinkConnector sink = new JdbcSinkConnector();
    assertThat(source.name()).isEqualTo("jdbc");
    assertThat(sink.name()).isEqualTo("jdbc");
    assertThat(source.configDef().secretNames()).containsExactly("password");
    assertThat(sink.configDef().secretNames()).containsExactly("password");
    assertThat(source.configDef().properties()).allMatch(p -> !p.description().isBlank());
    assertThat(sink.configDef().properties()).allMatch(p -> !p.description().isBlank());
    String pg = "jdbc:postgresql://h/db";
    assertThatThrownBy(() -> source.createTask(source.configDef().validate(Map.of("url", pg))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exactly one of the properties 'table' and 'query'");
    assertThatThrownBy(() -> source.createTask(source.configDef().validate(
        Map.of("url", pg, "table", "t", "mode", "incremental"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'watermarkColumn' is required");
    assertThatThrownBy(() -> source.createTask(source.configDef().validate(
        Map.of("url", "jdbc:oracle:x", "table", "t"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must start with jdbc:postgresql:");
    assertThatThrownBy(() -> sink.createTask(sink.configDef().validate(
        Map.of("url", pg, "table", "t", "mode", "upsert"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'keyColumns' is required");
    assertThatThrownBy(() -> sink.createTask(sink.configDef().validate(
        Map.of("url", pg, "table", "t", "batchSize", "0"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'batchSize' must be positive");
    assertThatThrownBy(() -> sink.configDef().validate(Map.of("url", pg, "table", "t", "mode", "merge")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'mode' must be one of [insert, upsert]");
  }
}
