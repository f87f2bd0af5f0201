package io.cairn.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.policy.AuditEntry;
import io.cairn.catalog.policy.AuditQuery;
import io.cairn.catalog.policy.AuditRepository;
import io.cairn.governance.keys.ManagedKey;
import io.cairn.governance.testing.Catalogs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit chain on H2 and PostgreSQL: changes made directly in the database are found at the right entry. */
class AuditChainTest {
  static final ManagedKey KEY = ManagedKey.of("audit", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
      16});

  @AfterAll
  static void drop() {
    Catalogs.dropAll();
  }

  static AuditLog log(CatalogDatabase db, int entries) {
    AuditLog log = new AuditLog(new AuditRepository(db), KEY, 10);
    for (int i = 1; i <= entries; i++) {
      log.record(i % 2 == 0 ? "alice" : "bob", i % 3 == 0 ? "flows.deploy" : "plugins.install", "target-" + i, "ok",
          Map.of("n", i));
    }
    return log;
  }

  static int sql(CatalogDatabase db, String statement, Object... args) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.cairn.governance.testing.Catalogs#both")
  void anIntactChainVerifies(String name, CatalogDatabase db) {
    AuditLog log = log(db, 25);
    Verification v = log.verify();
    assertThat(v.intact()).as(v.problem()).isTrue();
    assertThat(v.entriesChecked()).isEqualTo(25);
    assertThat(v.headSeq()).isEqualTo(25);
    assertThat(v.checkpointsVerified()).as("signed at 10 and 20").isEqualTo(2);
    assertThat(log.checkpoint()).isPresent();
    assertThat(log.checkpoint()).as("nothing new to sign").isEmpty();
    assertThat(log.verify().checkpointsVerified()).isEqualTo(3);
    AuditEntry third = log.find(AuditQuery.ALL, 2, 1).getFirst();
    assertThat(third.seq()).isEqualTo(3);
    assertThat(third.prevHash()).isEqualTo(log.find(AuditQuery.ALL, 1, 1).getFirst().hash());
    assertThat(third.details()).isEqualTo("{\"n\":3}");
    assertThat(log.find(new AuditQuery(null, null, "alice", "flows.", null, null), 0, 100))
        .extracting(AuditEntry::seq).containsExactly(6L, 12L, 18L, 24L);
    assertThat(log.find(new AuditQuery(null, null, null, null, "target-2", null), 0, 100))
        .extracting(AuditEntry::seq).containsExactly(2L, 20L, 21L, 22L, 23L, 24L, 25L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.cairn.governance.testing.Catalogs#both")
  void anUpdateIsFoundAtItsEntry(String name, CatalogDatabase db) throws SQLException {
    AuditLog log = log(db, 25);
    assertThat(sql(db, "update audit_log set actor = 'mallory' where seq = 7")).isEqualTo(1);
    Verification v = log.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSeq()).isEqualTo(7);
    assertThat(v.problem()).contains("entry 7 was changed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.cairn.governance.testing.Catalogs#both")
  void deletesAreFoundInTheMiddleAndAtTheEnd(String name, CatalogDatabase db) throws SQLException {
    AuditLog log = log(db, 25);
    assertThat(sql(db, "delete from audit_log where seq = 12")).isEqualTo(1);
    Verification v = log.verify();
    assertThat(v.firstBrokenSeq()).isEqualTo(12);
    assertThat(v.problem()).contains("entry 12 is missing");

    CatalogDatabase other = db.dialect().getName().contains("H2") ? Catalogs.h2() : Catalogs.postgres();
    AuditLog second = log(other, 25);
    assertThat(sql(other, "delete from audit_log where seq >= 24")).isEqualTo(2);
    Verification cut = second.verify();
    assertThat(cut.intact()).isFalse();
    assertThat(cut.firstBrokenSeq()).isEqualTo(24);
    assertThat(cut.problem()).contains("entries 24 to 25 are missing");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.cairn.governance.testing.Catalogs#both")
  void aConsistentRewriteIsCaughtByTheSignedCheckpoint(String name, CatalogDatabase db) throws SQLException {
    AuditLog log = log(db, 25);
    AuditRepository repo = new AuditRepository(db);
    // rewrite entry 15 and re-link every entry after it, as someone without the audit key could
    String prev = repo.at(14).orElseThrow().hash();
    for (long seq = 15; seq <= 25; seq++) {
      AuditEntry e = repo.at(seq).orElseThrow();
      AuditEntry forged = new AuditEntry(seq, e.at(), seq == 15 ? "mallory" : e.actor(), e.action(), e.target(),
          e.outcome(), e.details(), prev, null);
      forged = forged.withHash(AuditHashing.hash(forged));
      sql(db, "update audit_log set actor = ?, prev_hash = ?, hash = ? where seq = ?", forged.actor(),
          forged.prevHash(), forged.hash(), seq);
      prev = forged.hash();
    }
    sql(db, "update audit_head set hash = ? where id = 1", prev);
    Verification v = log.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBrokenSeq()).as("after the last checkpoint that still holds (10)").isEqualTo(11);
    assertThat(v.problem()).contains("rewritten between entries 11 and 20");
    assertThat(v.checkpointsVerified()).isEqualTo(1);

    sql(db, "update audit_checkpoints set signature = ? where seq = 10", "00".repeat(32));
    assertThat(log.verify().problem()).contains("checkpoint at entry 10 has a bad signature");
  }
}
