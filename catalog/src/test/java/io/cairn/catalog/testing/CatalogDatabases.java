package io.cairn.catalog.testing;

import io.cairn.catalog.CatalogDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.provider.Arguments;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases the catalog runs on, as arguments of a parameterised test: {@code ("h2", DataSource)} in
 * file mode under a new temporary folder, and {@code ("postgres", DataSource)} on a new database of the
 * machine's PostgreSQL. {@link #drop()} removes the PostgreSQL databases created.
 */
public final class CatalogDatabases {
  private final String prefix;
  private final List<String> created = new CopyOnWriteArrayList<>();

  public CatalogDatabases(String prefix) {
    this.prefix = prefix;
  }

  public Stream<Arguments> arguments() throws IOException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(CatalogDatabase.h2FileUrl(Files.createTempDirectory(prefix)));
    String url = LocalServices.createPostgresDatabase(prefix);
    created.add(url);
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url);
    pg.setUser(LocalServices.PG_USER);
    return Stream.of(Arguments.of("h2", h2), Arguments.of("postgres", pg));
  }

  public void drop() {
    created.forEach(LocalServices::dropPostgresDatabase);
    created.clear();
  }
}
