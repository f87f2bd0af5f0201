package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.QUALITY_SUITES;

import io.cairn.catalog.jooq.tables.records.QualitySuitesRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Named expectation suites. */
public final class QualitySuiteRepository {
  private final DSLContext dsl;

  public QualitySuiteRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  public List<QualitySuiteEntry> list() {
    return dsl.selectFrom(QUALITY_SUITES).orderBy(QUALITY_SUITES.NAME).fetch().map(QualitySuiteRepository::map);
  }

  public Optional<QualitySuiteEntry> find(String name) {
    return dsl.selectFrom(QUALITY_SUITES).where(QUALITY_SUITES.NAME.eq(name)).fetchOptional()
        .map(QualitySuiteRepository::map);
  }

  /** Creates the suite or replaces its expectations and description. */
  public QualitySuiteEntry save(String name, String description, String expectations, String by) {
    var now = Clock.now();
    dsl.transaction(tx -> {
      int updated = tx.dsl().update(QUALITY_SUITES).set(QUALITY_SUITES.DESCRIPTION, description)
          .set(QUALITY_SUITES.EXPECTATIONS, expectations).set(QUALITY_SUITES.UPDATED_BY, by)
          .set(QUALITY_SUITES.UPDATED_AT, now).where(QUALITY_SUITES.NAME.eq(name)).execute();
      if (updated == 0) {
        tx.dsl().insertInto(QUALITY_SUITES).set(QUALITY_SUITES.NAME, name)
            .set(QUALITY_SUITES.DESCRIPTION, description).set(QUALITY_SUITES.EXPECTATIONS, expectations)
            .set(QUALITY_SUITES.UPDATED_BY, by).set(QUALITY_SUITES.UPDATED_AT, now).execute();
      }
    });
    return find(name).orElseThrow();
  }

  private static QualitySuiteEntry map(QualitySuitesRecord r) {
    return new QualitySuiteEntry(r.getName(), r.getDescription(), r.getExpectations(), r.getUpdatedBy(),
        r.getUpdatedAt());
  }
}
