package io.cairn.governance.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.policy.TokenVaultRepository;
import io.cairn.governance.keys.ManagedKey;
import io.cairn.governance.testing.Catalogs;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokenisation through the catalog's vault, on H2 and PostgreSQL. */
class CatalogTokenVaultTest {
  static final ManagedKey KEY = ManagedKey.of("masking", "0123456789abcdef0123456789abcdef".getBytes());

  @AfterAll
  static void drop() {
    Catalogs.dropAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.cairn.governance.testing.Catalogs#both")
  void tokensAreStableReversibleAndEncryptedAtRest(String name, CatalogDatabase db) throws Exception {
    TokenVaultRepository repo = new TokenVaultRepository(db);
    TokenVault vault = new CatalogTokenVault(repo, KEY);
    String t = vault.tokenise("email", "ann@example.com");
    assertThat(t).matches("tok_[0-9a-f]{32}");
    assertThat(vault.tokenise("email", "ann@example.com")).as("same value, same token").isEqualTo(t);
    assertThat(vault.tokenise("crm_id", "ann@example.com")).isNotEqualTo(t);
    assertThat(vault.tokenise("email", "bob@example.com")).isNotEqualTo(t);
    assertThat(vault.detokenise("email", t)).contains("ann@example.com");
    assertThat(vault.detokenise("crm_id", t)).isEmpty();
    assertThat(vault.detokenise("email", "tok_unknown")).isEmpty();
    assertThat(repo.count()).isEqualTo(3);

    MaskFunction mask = new MaskSpecs(KEY, vault, Clock.systemUTC()).parse("token:email");
    assertThat(mask.apply("ann@example.com", null)).isEqualTo(t);

    try (Connection c = db.dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("select value_enc, value_mac from token_vault")) {
      while (rs.next()) {
        assertThat(rs.getString(1) + rs.getString(2)).doesNotContain("example.com");
      }
    }
    TokenVault otherKey = new CatalogTokenVault(repo, ManagedKey.of("masking", new byte[32]));
    assertThatThrownBy(() -> otherKey.detokenise("email", t)).hasMessageContaining("cannot be decrypted")
        .hasMessageNotContaining("ann@");
  }
}
