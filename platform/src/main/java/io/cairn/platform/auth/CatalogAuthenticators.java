package io.cairn.platform.auth;

import io.cairn.catalog.UserRepository;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import java.util.Optional;

/** Authenticators backed by the catalog's users and tokens. */
public final class CatalogAuthenticators {
  private CatalogAuthenticators() {}

  /** HTTP Basic: username and password against the Argon2id hash. */
  public static Authenticator<BasicCredentials, CairnPrincipal> basic(UserRepository users) {
    return credentials -> users.passwordHash(credentials.getUsername())
        .filter(hash -> Passwords.matches(credentials.getPassword(), hash))
        .flatMap(h -> users.find(credentials.getUsername()))
        .filter(u -> !u.disabled())
        .map(u -> new CairnPrincipal(u.id(), u.username(), u.roles()));
  }

  /** Bearer: an API token, looked up by its hash. */
  public static Authenticator<String, CairnPrincipal> token(UserRepository users) {
    return token -> {
      if (token == null || !token.startsWith(ApiTokens.PREFIX)) {
        return Optional.empty();
      }
      return users.findByTokenHash(ApiTokens.hash(token))
          .map(u -> new CairnPrincipal(u.id(), u.username(), u.roles()));
    };
  }
}
