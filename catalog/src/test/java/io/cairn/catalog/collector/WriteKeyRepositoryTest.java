package io.cairn.catalog.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.testing.CatalogDatabases;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Write keys on H2 and PostgreSQL: stored by hash, found by hash, unique, revoked once. */
class WriteKeyRepositoryTest {
  private static final CatalogDatabases DATABASES = new CatalogDatabases("cairn_writekeys");

  static Stream<Arguments> databases() throws Exception {
    return DATABASES.arguments();
  }

  @AfterAll
  static void drop() {
    DATABASES.drop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void keysAreStoredByHashAndRevoked(String name, DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    WriteKeyRepository repo = new WriteKeyRepository(db);
    WriteKeyEntry web = repo.create("web", "wk_abcdef", "a".repeat(64), "admin");
    repo.create("app", "wk_ghijkl", "b".repeat(64), "admin");

    assertThat(web.id()).isPositive();
    assertThat(web.active()).isTrue();
    assertThat(repo.findByHash("a".repeat(64))).get().extracting(WriteKeyEntry::name).isEqualTo("web");
    assertThat(repo.findByHash("c".repeat(64))).isEmpty();
    assertThat(repo.list()).extracting(WriteKeyEntry::name).containsExactly("web", "app");
    assertThat(repo.nameTaken("web")).isTrue();
    assertThat(repo.nameTaken("nope")).isFalse();
    assertThatThrownBy(() -> repo.create("web", "wk_x", "d".repeat(64), "admin"))
        .isInstanceOf(org.jooq.exception.DataAccessException.class);

    assertThat(repo.revoke(web.id())).isTrue();
    assertThat(repo.revoke(web.id())).as("twice").isFalse();
    assertThat(repo.revoke(9999)).isFalse();
    assertThat(repo.findByHash("a".repeat(64))).get().extracting(WriteKeyEntry::active).isEqualTo(false);
  }
}
