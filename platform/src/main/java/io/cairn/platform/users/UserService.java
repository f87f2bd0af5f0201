package io.cairn.platform.users;

import io.cairn.catalog.Role;
import io.cairn.catalog.UserAccount;
import io.cairn.catalog.UserRepository;
import io.cairn.platform.auth.ApiTokens;
import io.cairn.platform.auth.Passwords;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates users and tokens; owns password hashing and token secrecy. */
public final class UserService {
  private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
  private final UserRepository users;

  public UserService(UserRepository users) {
    this.users = users;
  }

  public UserAccount create(String username, String password, String displayName, Set<Role> roles) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username must be 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter");
    }
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role (" + Role.ids() + ")");
    }
    return users.create(username, Passwords.hash(password), displayName, roles);
  }

  /** Creates a user unless one of that name exists; returns whether it was created. */
  public boolean ensure(String username, String password, Set<Role> roles) {
    if (users.find(username).isPresent()) {
      return false;
    }
    create(username, password, username, roles);
    return true;
  }

  public void changePassword(long userId, String password) {
    users.setPasswordHash(userId, Passwords.hash(password));
  }

  /** A new token for the user: the returned value is the only time the token is seen. */
  public NewToken createToken(long userId, String name, OffsetDateTime expiresAt) {
    if (name == null || name.isBlank() || name.length() > 128) {
      throw new IllegalArgumentException("a token needs a name of 1-128 characters");
    }
    String token = ApiTokens.newToken();
    long id = users.createToken(userId, name, ApiTokens.displayPrefix(token), ApiTokens.hash(token), expiresAt);
    return new NewToken(id, name, token, expiresAt);
  }

  /** A token just created. */
  public record NewToken(long id, String name, String token, OffsetDateTime expiresAt) {}
}
