package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.API_TOKENS;
import static io.cairn.catalog.jooq.Tables.USERS;
import static io.cairn.catalog.jooq.Tables.USER_ROLES;

import io.cairn.catalog.jooq.tables.records.UsersRecord;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/** Users, their roles and API tokens. */
public final class UserRepository {
  private final DSLContext dsl;

  public UserRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** Creates a user; fails with {@link IllegalArgumentException} when the name is taken. */
  public UserAccount create(String username, String passwordHash, String displayName, Set<Role> roles) {
    return dsl.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      if (tx.fetchExists(USERS, USERS.USERNAME.eq(username))) {
        throw new IllegalArgumentException("user '" + username + "' already exists");
      }
      long id = tx.insertInto(USERS)
          .set(USERS.USERNAME, username)
          .set(USERS.PASSWORD_HASH, passwordHash)
          .set(USERS.DISPLAY_NAME, displayName)
          .set(USERS.DISABLED, false)
          .set(USERS.CREATED_AT, Clock.now())
          .returning(USERS.ID)
          .fetchOne(USERS.ID);
      for (Role r : roles) {
        tx.insertInto(USER_ROLES).set(USER_ROLES.USER_ID, id).set(USER_ROLES.ROLE, r.id()).execute();
      }
      return load(tx, tx.fetchOne(USERS, USERS.ID.eq(id)));
    });
  }

  public Optional<UserAccount> find(String username) {
    return Optional.ofNullable(dsl.fetchOne(USERS, USERS.USERNAME.eq(username))).map(r -> load(dsl, r));
  }

  public Optional<UserAccount> find(long id) {
    return Optional.ofNullable(dsl.fetchOne(USERS, USERS.ID.eq(id))).map(r -> load(dsl, r));
  }

  /** The stored password hash of an enabled user, for authentication only. */
  public Optional<String> passwordHash(String username) {
    return Optional.ofNullable(dsl.select(USERS.PASSWORD_HASH).from(USERS)
        .where(USERS.USERNAME.eq(username)).and(USERS.DISABLED.isFalse())
        .fetchOne(USERS.PASSWORD_HASH));
  }

  public List<UserAccount> list() {
    return dsl.selectFrom(USERS).orderBy(USERS.USERNAME).fetch().map(r -> load(dsl, r));
  }

  public int count() {
    return dsl.fetchCount(USERS);
  }

  public void setRoles(long userId, Set<Role> roles) {
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      tx.deleteFrom(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId)).execute();
      for (Role r : roles) {
        tx.insertInto(USER_ROLES).set(USER_ROLES.USER_ID, userId).set(USER_ROLES.ROLE, r.id()).execute();
      }
    });
  }

  public void setPasswordHash(long userId, String hash) {
    dsl.update(USERS).set(USERS.PASSWORD_HASH, hash).where(USERS.ID.eq(userId)).execute();
  }

  public void setDisabled(long userId, boolean disabled) {
    dsl.update(USERS).set(USERS.DISABLED, disabled).where(USERS.ID.eq(userId)).execute();
  }

  public boolean delete(long userId) {
    return dsl.deleteFrom(USERS).where(USERS.ID.eq(userId)).execute() == 1;
  }

  /** Stores a new token's hash; returns its id. */
  public long createToken(long userId, String name, String prefix, String tokenHash, OffsetDateTime expiresAt) {
    return dsl.insertInto(API_TOKENS)
        .set(API_TOKENS.USER_ID, userId)
        .set(API_TOKENS.NAME, name)
        .set(API_TOKENS.TOKEN_PREFIX, prefix)
        .set(API_TOKENS.TOKEN_HASH, tokenHash)
        .set(API_TOKENS.CREATED_AT, Clock.now())
        .set(API_TOKENS.EXPIRES_AT, expiresAt)
        .set(API_TOKENS.REVOKED, false)
        .returning(API_TOKENS.ID)
        .fetchOne(API_TOKENS.ID);
  }

  /** The enabled user owning a valid (not revoked, not expired) token with this hash; marks it used. */
  public Optional<UserAccount> findByTokenHash(String tokenHash) {
    var token = dsl.fetchOne(API_TOKENS, API_TOKENS.TOKEN_HASH.eq(tokenHash).and(API_TOKENS.REVOKED.isFalse()));
    if (token == null || (token.getExpiresAt() != null && token.getExpiresAt().isBefore(Clock.now()))) {
      return Optional.empty();
    }
    dsl.update(API_TOKENS).set(API_TOKENS.LAST_USED_AT, Clock.now()).where(API_TOKENS.ID.eq(token.getId())).execute();
    return find(token.getUserId()).filter(u -> !u.disabled());
  }

  public List<ApiTokenEntry> tokens(long userId) {
    return dsl.selectFrom(API_TOKENS).where(API_TOKENS.USER_ID.eq(userId)).orderBy(API_TOKENS.ID).fetch()
        .map(t -> new ApiTokenEntry(t.getId(), t.getUserId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(),
            t.getExpiresAt(), t.getLastUsedAt(), t.getRevoked()));
  }

  public boolean revokeToken(long userId, long tokenId) {
    return dsl.update(API_TOKENS).set(API_TOKENS.REVOKED, true)
        .where(API_TOKENS.ID.eq(tokenId)).and(API_TOKENS.USER_ID.eq(userId)).execute() == 1;
  }

  private static UserAccount load(DSLContext dsl, UsersRecord r) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    dsl.select(USER_ROLES.ROLE).from(USER_ROLES).where(USER_ROLES.USER_ID.eq(r.getId()))
        .fetch(USER_ROLES.ROLE).forEach(name -> roles.add(Role.of(name)));
    return new UserAccount(r.getId(), r.getUsername(), r.getDisplayName(), roles, r.getDisabled(), r.getCreatedAt());
  }
}
