package io.cairn.governance.testing;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.testing.LocalServices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.provider.Arguments;
import org.postgresql.ds.PGSimpleDataSource;

/** Fresh, migrated catalogs: one in-memory H2 and one new database on the real PostgreSQL per call. */
public final class Catalogs {
  private static final List<String> CREATED = new ArrayList<>();

  private Catalogs() {}

  /** Arguments (name, catalog) for {@code @MethodSource}: H2 and PostgreSQL. */
  public static Stream<Arguments> both() {
    return Stream.of(Arguments.of("h2", h2()), Arguments.of("postgres", postgres()));
  }

  public static CatalogDatabase h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:gov-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + CatalogDatabase.H2_OPTIONS);
    return migrated(ds);
  }

  public static synchronized CatalogDatabase postgres() {
    String url = LocalServices.createPostgresDatabase("cairn_gov_test");
    CREATED.add(url);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(LocalServices.PG_USER);
    return migrated(ds);
  }

  /** Drops the PostgreSQL databases created so far; call from {@code @AfterAll}. */
  public static synchronized void dropAll() {
    CREATED.forEach(LocalServices::dropPostgresDatabase);
    CREATED.clear();
  }

  private static CatalogDatabase migrated(DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    db.migrate();
    return db;
  }
}
