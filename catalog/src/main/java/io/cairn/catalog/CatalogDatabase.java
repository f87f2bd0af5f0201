package io.cairn.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The catalog database: migrates it and hands out a jOOQ context with the dialect of what is connected. */
public final class CatalogDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogDatabase.class);

  /**
   * The H2 URL options: the generated (lower-case) names need the first three (see notes/stack-versions.md);
   * {@code WRITE_DELAY=0} writes every commit at once, so a killed server never loses a committed offset or
   * run state (H2's default delays writes by up to a second).
   */
  public static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

  private final DataSource dataSource;
  private final DSLContext dsl;
  private final SQLDialect dialect;

  public CatalogDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    this.dialect = detect(dataSource);
    Settings settings = new Settings()
        .withRenderSchema(false)
        .withRenderNameCase(RenderNameCase.AS_IS)
        .withExecuteLogging(false);
    this.dsl = DSL.using(dataSource, dialect, settings);
  }

  /** The H2 file URL for a Cairn home folder. */
  public static String h2FileUrl(java.nio.file.Path home) {
    return "jdbc:h2:file:" + home.resolve("catalog").resolve("cairn").toAbsolutePath() + H2_OPTIONS;
  }

  /** Applies pending migrations. */
  public MigrateResult migrate() {
    MigrateResult result = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        // capabilities own version ranges (V1-9 foundation, V10 lineage, V20 policy and audit, V30 quality,
        // V40 connectors, V50 profiles and models); they may land in any order
        .outOfOrder(true)
        .load()
        .migrate();
    LOG.info("catalog at schema version {} ({} migrations applied, {})",
        result.targetSchemaVersion, result.migrationsExecuted, dialect);
    return result;
  }

  public DSLContext dsl() {
    return dsl;
  }

  public SQLDialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Checks that the database answers; used by the health check. */
  public boolean ping() {
    return dsl.selectOne().fetchOne(0, Integer.class) == 1;
  }

  private static SQLDialect detect(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
      if (product.contains("postgres")) {
        return SQLDialect.POSTGRES;
      }
      if (product.contains("h2")) {
        return SQLDialect.H2;
      }
      throw new IllegalStateException("the catalog runs on PostgreSQL or H2, not " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the catalog database: " + e.getMessage(), e);
    }
  }
}
