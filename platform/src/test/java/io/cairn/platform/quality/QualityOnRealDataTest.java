package io.cairn.platform.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.testing.LocalServices;
import io.cairn.kafka.broker.EmbeddedKafka;
import io.cairn.platform.testkit.ConnectorsApp;
import io.cairn.platform.testkit.Http;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality step on real services: messy, real-shaped CSV (wrong column counts, bad encodings, duplicates
 * with typos, impossible dates, unknown currencies) cleaned into PostgreSQL, a fail-action rule failing the
 * run, and a stream from Kafka where a windowed unique rule quarantines duplicates across batches.
 */
class QualityOnRealDataTest {
  @TempDir static Path dir;
  static EmbeddedKafka kafka;
  static String warehouse;

  @BeforeAll
  static void services() throws Exception {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    warehouse = LocalServices.createPostgresDatabase("cairn_quality");
  }

  @AfterAll
  static void stopServices() {
    kafka.close();
    LocalServices.dropPostgresDatabase(warehouse);
  }

  static List<List<String>> rows(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(warehouse, LocalServices.PG_USER, "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static long count(String table) {
    try {
      return Long.parseLong(rows("select count(*) from " + table).get(0).get(0));
    } catch (SQLException e) {
      return -1;
    }
  }

  static String csvFlow(Path csv, Path rules, String table) {
    return """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: "%s", format: csv, columns: "id:LONG,name,email,signup,amount:DECIMAL,currency"}
              steps:
                - to:
                    uri: "cairn:step:quality"
                    parameters: {rulesFile: "%s"}
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: "%s", user: postgres, table: %s, createTable: true}
        """.formatted(csv, rules, warehouse, table);
  }

  static List<String> reasons(Http http, String flow) throws Exception {
    JsonNode q = http.get("/api/v1/quality/quarantine?flowId=" + flow + "&limit=1000").json();
    List<String> reasons = new ArrayList<>();
    q.forEach(r -> reasons.add(r.get("reason").asText()));
    return reasons;
  }

  @Test
  void messyDataIsCleanedIntoPostgresAndEveryBadRowIsQuarantinedWithItsReason() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("""
        id,name,email,signup,amount,currency
        1,Ann Lee,ann@example.com,2024-02-29,10.00,EUR
        2,Bob Stone,bob@example.com,2023-02-30,5,USD
        3,Cy Short,cy@example.com,2024-01-10
        4,Dan Long,dan@example.com,2024-01-11,1,EUR,extra
        """.getBytes(StandardCharsets.UTF_8));
    // UTF-8 read as Latin-1 and saved again: "Jérôme" became "JÃ©rÃ´me" (mojibake)
    String mojibake = new String("J\u00e9r\u00f4me".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    bytes.writeBytes(("5," + mojibake + ",jerome@example.com,2024-03-01,3,EUR\n").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("""
        6,Ann  Lee,  ANN@Example.COM ,2024-02-29,10.00,EUR
        7,Eve,eve@@example.com,2024-13-01,2,GBP
        8,Finn,finn@example.com,2024-04-01,-3,EUR
        9,Gus,gus@example.com,2024-04-02,20,JPY
        10,Hal,hal@example.com,2024-05-01,100,USD
        11,Ivy,,2024-05-02,1,GBP
        """.getBytes(StandardCharsets.UTF_8));
    Path csv = Files.write(dir.resolve("customers.csv"), bytes.toByteArray());
    Path rules = Files.writeString(dir.resolve("customers.rules.yaml"), """
        - {rule: regex, name: encoding, column: name, pattern: "^[^\\uFFFD\\u00C3\\u00C2]*$"}
        - {fix: trim, column: email}
        - {fix: email, column: email}
        - {rule: not_null, column: email}
        - {rule: format, column: email, format: email}
        - {rule: unique, column: email}
        - {rule: format, column: signup, format: date}
        - {rule: range, column: amount, min: 0, action: fix}
        - {fix: convert_currency, amount: amount, currency: currency, to: EUR, rates: {USD: 0.92, GBP: 1.17}, scale: 2}
        - {rule: expression, expression: "id > 0 && currency == 'EUR'", action: warn, severity: info}
        """);
    Http http = ConnectorsApp.admin();
    assertThat(http.postJson("/api/v1/flows", Map.of("id", "messy-customers",
        "definition", csvFlow(csv, rules, "customers"))).status()).isEqualTo(201);
    String runId = http.post("/api/v1/flows/messy-customers/run").json().get("id").asText();
    JsonNode run = http.awaitRun("messy-customers", runId, Duration.ofSeconds(60));
    assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");

    assertThat(rows("select id, name, email, signup, cast(amount as numeric(12, 2)), currency from customers "
        + "order by id")).containsExactly(
        List.of("1", "Ann Lee", "ann@example.com", "2024-02-29", "10.00", "EUR"),
        List.of("8", "Finn", "finn@example.com", "2024-04-01", "0.00", "EUR"),
        List.of("10", "Hal", "hal@example.com", "2024-05-01", "92.00", "EUR"));
    List<String> reasons = reasons(http, "messy-customers");
    assertThat(reasons).hasSize(8);
    assertThat(reasons).contains(
        "rule 'format:signup' on column 'signup': value '2023-02-30' is not a date in the form yyyy-MM-dd",
        "rule 'unique:email' on column 'email': duplicate key [email] = [ann@example.com] (seen earlier in the batch)",
        "rule 'convert_currency:amount' on column 'currency': no rate from 'JPY' to EUR",
        "rule 'not_null:email' on column 'email': value is missing");
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("line 4: expected 6 fields, found 4"))
        .anySatisfy(r -> assertThat(r).startsWith("line 5: expected 6 fields, found 7"))
        .anySatisfy(r -> assertThat(r).startsWith("rule 'encoding' on column 'name'"))
        .anySatisfy(r -> assertThat(r).isEqualTo("rule 'format:email' on column 'email': value 'eve@@example.com' is "
            + "not a valid email"));
    JsonNode figures = http.get("/api/v1/quality/runs/" + runId).json().get(0).get("metrics");
    assertThat(figures.get("rows").asDouble()).as("two lines never parsed").isEqualTo(9);
    assertThat(figures.get("validity").asDouble()).isLessThan(0.5);
    assertThat(figures.get("uniqueness").asDouble()).isLessThan(1.0);

    // the same data with a fail-action rule: the run fails and nothing reaches the table
    Path strict = Files.writeString(dir.resolve("strict.rules.yaml"),
        "- {rule: format, column: signup, format: date, action: fail}\n");
    http.postJson("/api/v1/flows", Map.of("id", "strict-customers", "definition", csvFlow(csv, strict, "strict")));
    String strictRun = http.post("/api/v1/flows/strict-customers/run").json().get("id").asText();
    JsonNode failed = http.awaitRun("strict-customers", strictRun, Duration.ofSeconds(60));
    assertThat(failed.get("state").asText()).isEqualTo("FAILED");
    assertThat(failed.get("error").asText()).contains("value '2023-02-30' is not a date");
    assertThat(count("strict")).as("the failing batch is not written").isLessThanOrEqualTo(0);
  }

  static void produce(int... ids) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("acks", "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
        new StringSerializer())) {
      for (int id : ids) {
        producer.send(new ProducerRecord<>("signups", "u" + id, "{\"id\":" + id + ",\"user\":\"u" + id + "\"}"));
      }
      producer.flush();
    }
  }

  static long awaitCount(String table, long n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    long rows;
    do {
      Thread.sleep(100);
      rows = count(table);
    } while (rows < n && System.nanoTime() < deadline);
    return rows;
  }

  static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }

  @Test
  void aWindowedUniqueRuleQuarantinesDuplicatesAcrossTheBatchesOfAKafkaStream() throws Exception {
    produce(range(0, 100));
    String flow = """
        - route:
            from:
              uri: "cairn:source:kafka"
              parameters: {bootstrapServers: "%s", topic: signups, columns: "id:LONG,user", subjectColumn: user}
              steps:
                - to:
                    uri: "cairn:step:quality"
                    parameters:
                      rules: "[{rule: unique, column: id, window: 200}]"
                - to:
                    uri: "cairn:sink:jdbc"
                    parameters: {url: "%s", user: postgres, table: signups, createTable: true}
        """.formatted(kafka.bootstrapServers(), warehouse);
    Http http = ConnectorsApp.admin();
    assertThat(http.postJson("/api/v1/flows", Map.of("id", "signups", "definition", flow)).status()).isEqualTo(201);
    assertThat(http.post("/api/v1/flows/signups/start").status()).isEqualTo(202);
    assertThat(awaitCount("signups", 100)).isEqualTo(100);

    // later batches: 5, 6, 7 again (in the window), 150 new keys, then 0 (pushed out of the window) and 60
    List<Integer> later = new ArrayList<>(List.of(5, 6, 7));
    for (int id : range(100, 250)) {
      later.add(id);
    }
    later.add(0);
    later.add(60);
    produce(later.stream().mapToInt(Integer::intValue).toArray());
    assertThat(awaitCount("signups", 251)).isEqualTo(251);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<String> reasons;
    do {
      Thread.sleep(200);
      reasons = reasons(http, "signups");
    } while (reasons.size() < 4 && System.nanoTime() < deadline);
    assertThat(reasons).containsExactlyInAnyOrder(
        "rule 'unique:id' on column 'id': duplicate key [id] = [5] (seen in the last 200 keys)",
        "rule 'unique:id' on column 'id': duplicate key [id] = [6] (seen in the last 200 keys)",
        "rule 'unique:id' on column 'id': duplicate key [id] = [7] (seen in the last 200 keys)",
        "rule 'unique:id' on column 'id': duplicate key [id] = [60] (seen in the last 200 keys)");
    assertThat(rows("select count(*) from signups where id = 0")).as("outside the window, 0 passes again")
        .containsExactly(List.of("2"));
    assertThat(rows("select count(*) from signups where id in (5, 6, 7, 60)"))
        .containsExactly(List.of("4"));
    http.post("/api/v1/flows/signups/stop");
  }
}
