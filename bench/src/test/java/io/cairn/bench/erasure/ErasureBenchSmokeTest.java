package io.cairn.bench.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The erasure benchmark on a small data set: it runs, erases what it should and reports both sides (no timing). */
class ErasureBenchSmokeTest {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private final String database = "cairn_bench_erasure_" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
    }
  }

  @Test
  void erasesOnePersonAcrossTheChainEveryRound() throws Exception {
    ErasureData data = new ErasureData(SERVER, database, "postgres", 10_000);
    ErasureBench.Result r = ErasureBench.run(data, 2);
    assertThat(r.totalRows()).isEqualTo(10_000);
    assertThat(r.rowsPerErasure()).as("4 + 3 + 2 + 1 rows per person").isEqualTo(10);
    assertThat(r.cairnMillis()).hasSize(2).allMatch(ms -> ms > 0);
    assertThat(r.coldMillis()).isPositive();
    assertThat(r.directMillis()).hasSize(2).allMatch(ms -> ms > 0);
    assertThat(data.prepare()).as("the tables are reused: right sizes after the rounds").isEqualTo(10_000);
  }
}
