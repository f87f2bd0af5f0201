package io.cairn.catalog.policy;

import static io.cairn.catalog.jooq.Tables.TOKEN_VAULT;

import io.cairn.catalog.CatalogDatabase;
import java.util.Optional;
import org.jooq.DSLContext;

/** Tokens and the encrypted values behind them; the caller encrypts and computes the value's MAC. */
public final class TokenVaultRepository {
  private final DSLContext dsl;

  public TokenVaultRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** The token already issued for a value (found by the value's MAC). */
  public Optional<String> tokenFor(String domain, String valueMac) {
    return Optional.ofNullable(dsl.select(TOKEN_VAULT.TOKEN).from(TOKEN_VAULT)
        .where(TOKEN_VAULT.DOMAIN.eq(domain), TOKEN_VAULT.VALUE_MAC.eq(valueMac)).fetchOne(TOKEN_VAULT.TOKEN));
  }

  /**
   * Stores a new token unless the value already has one (another node may have issued it first).
   *
   * @return the token the value has now: {@code token}, or the one issued before
   */
  public String issue(String domain, String token, String valueMac, String encryptedValue) {
    dsl.insertInto(TOKEN_VAULT)
        .set(TOKEN_VAULT.DOMAIN, domain)
        .set(TOKEN_VAULT.TOKEN, token)
        .set(TOKEN_VAULT.VALUE_MAC, valueMac)
        .set(TOKEN_VAULT.VALUE_ENC, encryptedValue)
        .set(TOKEN_VAULT.CREATED_AT, AuditRepository.now())
        .onConflictDoNothing()
        .execute();
    return tokenFor(domain, valueMac).orElseThrow(() -> new IllegalStateException("token vault insert lost"));
  }

  /** The encrypted value behind a token. */
  public Optional<String> encryptedValue(String domain, String token) {
    return Optional.ofNullable(dsl.select(TOKEN_VAULT.VALUE_ENC).from(TOKEN_VAULT)
        .where(TOKEN_VAULT.DOMAIN.eq(domain), TOKEN_VAULT.TOKEN.eq(token)).fetchOne(TOKEN_VAULT.VALUE_ENC));
  }

  public int count() {
    return dsl.fetchCount(TOKEN_VAULT);
  }
}
